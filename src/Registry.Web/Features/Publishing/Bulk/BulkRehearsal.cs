using Registry.Domain.Identifiers;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// What one row of a rehearsed bulk request would do: <see cref="WouldApply"/> with the certificate's status and
/// version before and after it, or refused with the code and message the real run would give.
/// </summary>
public sealed record RehearsedRow(
    int Row,
    string? Operation,
    string? Number,
    bool WouldApply,
    string? StatusBefore,
    int? VersionBefore,
    string? StatusAfter,
    int? VersionAfter,
    string? LevelAfter,
    string? ErrorCode,
    string? Message);

/// <summary>
/// Runs a bulk request's rows as a rehearsal (<see cref="PublishingRehearsal"/>): one after another in one transaction
/// that is always rolled back, so that each row is judged by the real rules on the state the rows before it
/// leave (a suspension and then a reinstatement of one certificate rehearse as they would apply). Nothing is
/// audited, announced or kept.
/// </summary>
public sealed class BulkRehearsal(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<IReadOnlyList<RehearsedRow>> RunAsync(PublishingCaller caller, IReadOnlyList<PublishingRow> rows, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PublishingRehearsal>().Begin();
        var commands = scope.ServiceProvider.GetRequiredService<PublishingCommands>();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var today = RegistryCalendar.DateOf(clock.GetUtcNow());
        var rehearsed = new List<RehearsedRow>(rows.Count);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var row in rows)
            {
                var (operation, number, command, error) = BulkPublisher.Parse(row);
                if (command is null)
                {
                    rehearsed.Add(new RehearsedRow(row.RowNumber, operation, number, false, null, null, null, null, null, error!.Code, error.Message));
                    continue;
                }

                var before = await BeforeAsync(db, caller.BodyId, number, today, cancellationToken);
                var result = await RowDispatcher.RunAsync(commands, caller, operation!, command, idempotencyKey: null, bulk: null, cancellationToken);
                rehearsed.Add(result.Succeeded
                    ? new RehearsedRow(row.RowNumber, operation, number, true, before?.Status, before?.Version, result.Value.Status, result.Value.Version, result.Value.Level, null, null)
                    : new RehearsedRow(row.RowNumber, operation, number, false, before?.Status, before?.Version, null, null, null, result.Error.Code, result.Error.Message));
            }
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }

        return rehearsed;
    }

    /// <summary>The body's own certificate as the rows before this one left it; another body's is not described.</summary>
    private static async Task<(string Status, int Version)?> BeforeAsync(RegistryDbContext db, long bodyId, string? number, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (number is null || !CertificateNumber.TryNormalize(number, out var normalized, out _))
        {
            return null;
        }

        var found = await db.Certificates.AsNoTracking()
            .Where(c => c.NormalizedNumber == normalized && c.BodyId == bodyId)
            .Select(c => new { c.Standing, c.ExpiresOn, c.EventCount })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Standing.StatusOn(found.ExpiresOn, today).ToString(), found.EventCount);
    }
}
