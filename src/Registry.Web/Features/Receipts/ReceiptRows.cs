using System.Text.Json;
using Registry.Signing.Receipts;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.Receipts;

/// <summary>What the registry answered, in the receipt's words: stable codes, both languages' names, no presentation.</summary>
public static class ReceiptRows
{
    public const string QrCode = "qr_code";

    public static IReadOnlyList<ReceiptRow> From(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [.. report.Rows.Select(r => new ReceiptRow(
            r.Row, r.Asked, TakenAs(r.AskedAs), [.. r.Concerns.Select(ConcernCode)], r.Reason?.Code, Verdict: null,
            [.. r.Matches.Select(Certificate)]))];
    }

    public static ReceiptRow From(Verdict verdict, string scanned, CheckedCertificate? certificate)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var outcome = new ReceiptVerdict(VerdictJson.KindCode(verdict.Kind), verdict.NotGenuineCode, verdict.SignedBy, verdict.KeyId);
        return new ReceiptRow(1, scanned, QrCode, [], verdict.NotFoundReason, outcome, certificate is null ? [] : [Certificate(certificate)]);
    }

    public static ReceiptCertificate Certificate(CheckedCertificate c) => new(
        c.Number, c.HolderNameZh, c.HolderNameEn, c.HolderCreditCode, StatusCode(c.Status), c.SchemeCode, c.Level, c.ExpiresOn, c.BodyCode, c.BodyNameZh, c.BodyNameEn);

    public static string ConcernCode(CheckConcern concern) => Constant(concern.ToString());

    public static string StatusCode(CertificateStatus status) => Constant(status.ToString());

    public static CertificateStatus? ParseStatus(string code) =>
        Enum.TryParse<CertificateStatus>(code.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var status)
        && StatusCode(status) == code ? status : null;

    public static string TakenAs(AskedAs asked) => asked switch
    {
        AskedAs.CertificateNumber => "certificate_number",
        AskedAs.CreditCode => "credit_code",
        AskedAs.Name => "name",
        _ => "unreadable",
    };

    private static string Constant(string name) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(name);
}
