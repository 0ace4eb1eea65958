using Registry.Domain.Identifiers;
using Registry.Signing.Keys;
using Registry.Signing.Receipts;
using Registry.Web.Features.Checks;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.Receipts;

/// <summary>A stored receipt as its page shows it: the signature checked now, and every certificate's status now beside the status then.</summary>
public sealed record ReceiptView(StoredReceipt Stored, ReceiptCheck Check, IReadOnlyDictionary<string, CheckedCertificate> Now, DateTimeOffset NowAsOf)
{
    public GenuineReceipt? Genuine => Check as GenuineReceipt;
}

/// <summary>Reads receipts back. Nothing stored is believed: the signature is checked against the published keys on every read.</summary>
public sealed class ReceiptBook(RegistryDbContext db, SigningKeyStore keys, BulkChecker checker, TimeProvider clock)
{
    public async Task<StoredReceipt?> FindAsync(string id, CancellationToken cancellationToken) =>
        ReceiptId.Normalize(id) is { } normalized
            ? await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == normalized, cancellationToken)
            : null;

    public async Task<ReceiptView?> ViewAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } stored)
        {
            return null;
        }

        var published = await keys.AllAsync(cancellationToken);
        if (!KeyId.TryParse(stored.Kid, out var kid) || published.Find(kid) is null)
        {
            // Signed moments ago on another instance with a key this one has not read yet (a rotation): read the keys again.
            keys.Invalidate();
            published = await keys.AllAsync(cancellationToken);
        }

        var check = new ReceiptVerifier(published.Find).Verify(stored.Document);
        var nowAsOf = clock.GetUtcNow();
        IReadOnlyDictionary<string, CheckedCertificate> now = new Dictionary<string, CheckedCertificate>();
        if (check is GenuineReceipt genuine)
        {
            var numbers = genuine.Claims.CertificateNumbers()
                .Select(n => CertificateNumber.TryNormalize(n, out var normalized, out _) ? normalized : null)
                .OfType<string>()
                .ToList();
            now = await checker.ByNumbersAsync(numbers, cancellationToken);
        }

        return new ReceiptView(stored, check, now, nowAsOf);
    }
}
