using Microsoft.Extensions.Options;
using Registry.Signing.Receipts;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input.Tables;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.Receipts;

/// <summary>
/// Turns an answer into a signed, stored receipt. Every receipt answers afresh: a bulk check is run again on the
/// list, a certificate is read again, a code is verified again, so a receipt never signs what a client posted as
/// the answer, only the question.
/// </summary>
public sealed partial class ReceiptIssuer(
    RegistryDbContext db,
    SigningKeyStore keys,
    BulkChecker checker,
    IVerifier verifier,
    IOptions<ReceiptOptions> options,
    IOptions<VerificationOptions> verification,
    ILogger<ReceiptIssuer> logger)
{
    public async Task<StoredReceipt> ForCheckAsync(TextTable table, CancellationToken cancellationToken) =>
        await ForReportAsync(await checker.CheckAsync(table, cancellationToken), cancellationToken);

    /// <summary>A receipt of a report this instance has just made (POST /api/check?receipt=true): the answer is the registry's own.</summary>
    public Task<StoredReceipt> ForReportAsync(CheckReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return IssueAsync(ReceiptKinds.Check, report.AsOf, ReceiptRows.From(report), cancellationToken);
    }

    /// <summary>A certificate page's receipt: the one-row check of its number (an unknown number gets a receipt that says so).</summary>
    public async Task<StoredReceipt> ForCertificateAsync(string number, CancellationToken cancellationToken)
    {
        var (table, _) = TableFile.FromCells([[number]], CheckRows.MaxRows);
        var report = await checker.CheckAsync(table!, cancellationToken);
        return await IssueAsync(ReceiptKinds.Certificate, report.AsOf, ReceiptRows.From(report), cancellationToken);
    }

    public async Task<StoredReceipt> ForScanAsync(string scanned, CancellationToken cancellationToken)
    {
        var verdict = await verifier.VerifyAsync(scanned, cancellationToken);
        CheckedCertificate? certificate = null;
        if (verdict.NormalizedNumber is { } number
            && (await checker.ByNumbersAsync([number], cancellationToken)).TryGetValue(number, out var found))
        {
            // The verdict's status is the one the receipt asserts; the rest of the certificate comes from the same rows.
            certificate = verdict.Status is { } status ? found with { Status = status } : found;
        }

        return await IssueAsync(ReceiptKinds.Verification, verdict.AsOf, [ReceiptRows.From(verdict, scanned, certificate)], cancellationToken);
    }

    private async Task<StoredReceipt> IssueAsync(string kind, DateTimeOffset asOf, IReadOnlyList<ReceiptRow> rows, CancellationToken cancellationToken)
    {
        using var key = await ReceiptKeyAsync(cancellationToken);
        var claims = new ReceiptClaims(ReceiptClaims.CurrentVersion, ReceiptId.New(), options.Value.RegistryName,
            "https://" + verification.Value.PublicHost, asOf, kind, rows);
        var document = new ReceiptSigner(key.PrivateKey).Sign(claims);
        var receipt = new StoredReceipt
        {
            Id = claims.Id,
            Kind = kind,
            Kid = key.Id.ToString(),
            CreatedAt = asOf,
            RowCount = rows.Count,
            Document = document,
        };
        db.Receipts.Add(receipt);
        await db.SaveChangesAsync(cancellationToken);
        LogIssued(receipt.Id, kind, rows.Count, receipt.Kid);
        return receipt;
    }

    /// <summary>The active receipt key; on a registry that has none yet, the first receipt creates it.</summary>
    private async Task<ActiveKey> ReceiptKeyAsync(CancellationToken cancellationToken)
    {
        if (await keys.ActiveReceiptKeyAsync(cancellationToken) is { } active)
        {
            return active;
        }

        await keys.EnsureReceiptKeyAsync("registry (first receipt)", cancellationToken);
        keys.Invalidate();
        return await keys.ActiveReceiptKeyAsync(cancellationToken)
            ?? throw new InvalidOperationException("The registry has no active receipt key and could not create one.");
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Receipt {Id} issued: {Kind}, {Rows} row(s), signed by receipt key {Kid}")]
    private partial void LogIssued(string id, string kind, int rows, string kid);
}
