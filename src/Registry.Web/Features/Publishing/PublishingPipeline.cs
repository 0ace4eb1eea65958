using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Domain.Text;
using Registry.Web.Features.Audit;

namespace Registry.Web.Features.Publishing;

/// <summary>Where a row of a bulk request sits, for its audit entry.</summary>
public sealed record BulkPosition(Guid BulkId, int Row);

/// <summary>One operation as the pipeline runs it: who, what, on which certificate, with which key.</summary>
internal sealed record OperationRequest(
    PublishingCaller Caller,
    string Operation,
    string? CertificateNumber,
    object Request,
    string? IdempotencyKey,
    BulkPosition? Bulk = null);

/// <summary>
/// Runs every publishing operation the same way, in one transaction: claim the idempotency key (an advisory
/// lock per body and key, so a concurrent duplicate waits and then sees the first call's record), replay or
/// refuse a known key, otherwise apply the operation behind a savepoint, then write the audit entry and the
/// idempotency record, and commit. A refused operation rolls back to the savepoint, so only its audit entry
/// (and its idempotency record) is committed.
/// </summary>
internal sealed class PublishingPipeline(RegistryDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> idempotency, PublishingRehearsal rehearsal)
{
    private const string Savepoint = "publishing_operation";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PublishingResult<T>> RunAsync<T>(OperationRequest request, Func<CancellationToken, Task<T>> apply, CancellationToken cancellationToken)
        where T : class
    {
        if (rehearsal.Active)
        {
            return await RehearseAsync(apply, cancellationToken);
        }

        var key = request.IdempotencyKey;
        if (key is not null && !IdempotencyKeys.IsValid(key, request.Bulk is null ? IdempotencyKeys.MaxLength : IdempotencyKeys.MaxStoredLength))
        {
            var invalid = PublishingResult.Failure<T>(PublishingErrorCodes.IdempotencyKeyInvalid,
                $"An idempotency key has 1 to {IdempotencyKeys.MaxLength} printable ASCII characters without spaces.");
            await AuditAloneAsync(request with { IdempotencyKey = null }, AuditOutcome.Refused, invalid.Error, cancellationToken);
            return invalid;
        }

        var hash = IdempotencyKeys.RequestHash(request.Operation, request.Request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        if (key is not null)
        {
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({"idempotency/" + request.Caller.BodyId + "/" + key}, 0))", cancellationToken);
            var earlier = await db.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.BodyId == request.Caller.BodyId && r.Key == key, cancellationToken);
            if (earlier is not null && earlier.CreatedAt <= clock.GetUtcNow() - idempotency.Value.Retention)
            {
                // Past retention, so the call is new, whether or not the pruner has come by yet.
                await db.IdempotencyRecords.Where(r => r.Id == earlier.Id).ExecuteDeleteAsync(cancellationToken);
                earlier = null;
            }

            if (earlier is not null)
            {
                var answer = Replay<T>(earlier, request.Operation, hash);
                Audit(request, answer.Replayed ? AuditOutcome.Replayed : AuditOutcome.Refused, answer.Error);
                await db.SaveChangesAsync(cancellationToken);
                await CommitAsync(transaction, cancellationToken);
                return answer;
            }
        }

        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        var result = await ApplyAsync(apply, cancellationToken);

        if (!result.Succeeded)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
            db.ChangeTracker.Clear();
        }

        Audit(request, result.Succeeded ? AuditOutcome.Applied : AuditOutcome.Refused, result.Error);

        // A lost race is worth retrying with the same key, so it is not remembered as the answer.
        if (key is not null && result.Error?.Code != DomainErrorCodes.ConcurrentChange)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                BodyId = request.Caller.BodyId,
                Key = key,
                Operation = StoredOperation(request.Operation),
                RequestHash = hash,
                ApiKeyId = request.Caller.ApiKeyId,
                CreatedAt = clock.GetUtcNow(),
                Result = result.Value is null ? null : JsonSerializer.Serialize(result.Value, Json),
                ErrorCode = result.Error?.Code,
                ErrorMessage = result.Error is { } failure ? InputText.Printable(failure.Message) : null,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await CommitAsync(transaction, cancellationToken);

        // The context serves the whole request (a bulk request runs thousands of operations): start each one clean.
        db.ChangeTracker.Clear();
        return result;
    }

    private static async Task<PublishingResult<T>> ApplyAsync<T>(Func<CancellationToken, Task<T>> apply, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return PublishingResult.Success(await apply(cancellationToken));
        }
        catch (DomainException e)
        {
            return PublishingResult.Failure<T>(e.Code, e.Message);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: var state } && state.StartsWith("23", StringComparison.Ordinal))
        {
            // An integrity constraint the rules did not foresee: refused like a rule, not a server error.
            return PublishingResult.Failure<T>(PublishingErrorCodes.Rejected, "The registry's database refused the change; nothing was changed.");
        }
    }

    /// <summary>One operation of a rehearsal (<see cref="PublishingRehearsal"/>): applied in the caller's transaction behind a savepoint, kept for the next ones when it succeeds.</summary>
    private async Task<PublishingResult<T>> RehearseAsync<T>(Func<CancellationToken, Task<T>> apply, CancellationToken cancellationToken)
        where T : class
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A rehearsal runs inside a transaction its caller rolls back.");
        db.Database.AutoSavepointsEnabled = false;
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken);
        var result = await ApplyAsync(apply, cancellationToken);
        if (result.Succeeded)
        {
            await transaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
        }
        else
        {
            await transaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
        }

        db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>
    /// Before this point a failure leaves nothing applied (the transaction rolls back with the exception); during
    /// the commit itself a lost connection leaves the outcome unknown, and that is the one thing the caller is told.
    /// </summary>
    private static async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            // Not cancellable: a cancellation that reached the server mid-commit would leave the same doubt.
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw new CommitOutcomeUnknownException(e);
        }
    }

    /// <summary>An audit entry in a transaction of its own, for refusals found before any transaction began.</summary>
    public async Task AuditAloneAsync(OperationRequest request, AuditOutcome outcome, PublishingError? error, CancellationToken cancellationToken)
    {
        Audit(request, outcome, error);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static PublishingResult<T> Replay<T>(IdempotencyRecord earlier, string operation, byte[] hash)
        where T : class
    {
        if (earlier.Operation != StoredOperation(operation) || !CryptographicOperations.FixedTimeEquals(earlier.RequestHash, hash))
        {
            return PublishingResult.Failure<T>(PublishingErrorCodes.IdempotencyKeyReused,
                $"This idempotency key was used at {earlier.CreatedAt:u} for a different request ({earlier.Operation}); use a new key for a new request.");
        }

        return earlier.ErrorCode is { } code
            ? new PublishingResult<T>(null, new PublishingError(code, earlier.ErrorMessage ?? code), Replayed: true)
            : new PublishingResult<T>(JsonSerializer.Deserialize<T>(earlier.Result!, Json), null, Replayed: true);
    }

    private void Audit(OperationRequest request, AuditOutcome outcome, PublishingError? error) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            BodyId = request.Caller.BodyId,
            ApiKeyId = request.Caller.ApiKeyId,
            StaffMemberId = request.Caller.Staff?.Id,
            StaffName = request.Caller.Staff is { } staff ? Clip(InputText.Printable(staff.Name), StaffConsole.Staff.StaffMember.MaxDisplayNameLength) : null,
            Operation = StoredOperation(request.Operation),
            CertificateNumber = AuditNumber(request.CertificateNumber),
            SourceAddress = request.Caller.SourceAddress is { } address ? Clip(InputText.Printable(address), 64) : null,
            IdempotencyKey = request.IdempotencyKey,
            Outcome = outcome,
            ErrorCode = error?.Code,
            Message = error is null ? null : Clip(InputText.Printable(error.Message), AuditEntry.MaxMessageLength),
            BulkId = request.Bulk?.BulkId,
            BulkRow = request.Bulk?.Row,
        });

    /// <summary>The folded number, so that the audit log is searched the way certificates are; a malformed one as typed, clipped.</summary>
    private static string? AuditNumber(string? raw) =>
        raw is null ? null
        : CertificateNumber.TryNormalize(raw, out var normalized, out _) ? normalized
        : Clip(InputText.Printable(raw), CertificateNumber.MaxInputLength);

    /// <summary>The operation as its columns hold it: a refused row may name any text, of any length, as its operation.</summary>
    private static string StoredOperation(string operation) => Clip(InputText.Printable(operation), 32);

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
