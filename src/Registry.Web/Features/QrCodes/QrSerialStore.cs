using Npgsql;
using Registry.Signing.Claims;
using Registry.Signing.Keys;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.QrCodes;

/// <summary>Hands out the serial numbers of plaques and packaging marks, recording each print.</summary>
public interface IQrSerials
{
    /// <summary>Records printed plaques or marks and returns their new serial numbers (1, 2, … per certificate and medium).</summary>
    Task<IReadOnlyList<int>> AllocateAsync(long certificateId, Medium medium, int count, CancellationToken cancellationToken);
}

/// <summary>
/// Serial numbers of plaques and packaging marks in <c>qr_prints</c>: 1, 2, … per certificate and medium, no gaps,
/// never twice, each recorded with the body's active key (the key it is signed with). A singleton: each allocation
/// of its own uses a short-lived DbContext.
/// </summary>
public sealed partial class QrSerialStore(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<QrSerialStore> logger) : IQrSerials
{
    /// <summary>One print run; a larger order is several calls (each is one transaction).</summary>
    public const int MaxPerAllocation = 10_000;

    private readonly DbContextOptions<RegistryDbContext> _contextOptions = DataExtensions.ContextOptions(dataSource);

    public Task<IReadOnlyList<int>> AllocateAsync(long certificateId, Medium medium, int count, CancellationToken cancellationToken) =>
        AllocateAsync(certificateId, medium, count, within: null, cancellationToken);

    /// <param name="within">
    /// A context whose open transaction the allocation joins (the publishing pipeline's: the serials, the audit entry
    /// and the idempotency record commit together); null for a transaction of its own.
    /// </param>
    public async Task<IReadOnlyList<int>> AllocateAsync(long certificateId, Medium medium, int count, RegistryDbContext? within,
        CancellationToken cancellationToken)
    {
        if (medium is not (Medium.Plaque or Medium.PackagingMark))
        {
            throw new ArgumentOutOfRangeException(nameof(medium), medium, "Only plaques and packaging marks get serials; a certificate's code carries serial 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxPerAllocation);

        await using var owned = within is null ? new RegistryDbContext(_contextOptions) : null;
        var db = within ?? owned!;
        await using var transaction = owned is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);

        // One allocator per certificate and medium at a time; it reads the highest serial only once it holds
        // the lock, and under READ COMMITTED that read sees every allocation committed before. The unique
        // index (certificate_id, medium, serial) stays as the backstop.
        await db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({"qr_prints/" + certificateId + "/" + medium}, 0))", cancellationToken);
        var bodyId = await db.Certificates.Where(c => c.Id == certificateId).Select(c => (long?)c.BodyId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new SigningKeyException(SigningKeyError.UnknownCertificate, $"No certificate has the id {certificateId}.");
        var kid = await db.SigningKeys.Where(k => k.BodyId == bodyId && k.State == KeyState.Active).Select(k => k.Kid).SingleOrDefaultAsync(cancellationToken)
            ?? throw new SigningKeyException(SigningKeyError.Refused, $"The body of certificate {certificateId} has no active signing key, so nothing can be printed for it.");
        var last = await db.QrPrints.Where(p => p.CertificateId == certificateId && p.Medium == medium).MaxAsync(p => (int?)p.Serial, cancellationToken) ?? 0;
        if (last > int.MaxValue - count)
        {
            throw new SigningKeyException(SigningKeyError.Refused, $"Certificate {certificateId} has used up the {medium} serial numbers.");
        }

        var now = clock.GetUtcNow();
        var serials = Enumerable.Range(last + 1, count).ToList();
        db.QrPrints.AddRange(serials.Select(serial => new QrPrint
        {
            CertificateId = certificateId,
            Medium = medium,
            Serial = serial,
            Kid = kid,
            PrintedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        LogSerialsAllocated(medium, serials[0], serials[^1], certificateId, kid);
        return serials;
    }

    [LoggerMessage(EventId = 2708, Level = LogLevel.Information, Message = "Allocated {Medium} serials {First}..{Last} of certificate {CertificateId} under key {Kid}")]
    private partial void LogSerialsAllocated(Medium medium, int first, int last, long certificateId, string kid);
}
