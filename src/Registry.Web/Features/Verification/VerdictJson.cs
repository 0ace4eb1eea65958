using Microsoft.Extensions.Localization;
using Registry.Signing.Claims;

namespace Registry.Web.Features.Verification;

/// <summary>
/// The REST form of a verdict. Every enumerated value is a stable upper-case string, never an enum number,
/// so that clients can match on it across versions. <c>degraded</c> is true when the registry's database could not be
/// reached and the status is the last one the site confirmed, at <c>asOf</c>.
/// </summary>
public sealed record VerdictJson(
    string Kind,
    DateTimeOffset AsOf,
    string? Status,
    DateOnly? Since,
    string? Reason,
    CertificateJson? Certificate,
    ClaimsJson? Claims,
    IReadOnlyList<DifferenceJson> Differences,
    ProblemJson? NotGenuine,
    ProblemJson? NotFound,
    bool Degraded)
{
    public static VerdictJson From(Verdict verdict, IStringLocalizer text, string publicHost)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new VerdictJson(
            KindCode(verdict.Kind),
            verdict.AsOf,
            verdict.Status is { } status and not CertificateStatus.NotIssued ? status.ToString().ToUpperInvariant() : null,
            verdict.StatusSince,
            verdict.StatusReason,
            verdict.NormalizedNumber is null ? null : CertificateJson.From(verdict),
            verdict.Claims is null ? null : ClaimsJson.From(verdict.Claims, verdict),
            [.. verdict.Differences.Select(d => new DifferenceJson(d.Field, d.SignedValue, d.RegistryValue))],
            verdict.NotGenuineCode is { } code ? new ProblemJson(code, NotGenuineText.Explain(text, code, publicHost), verdict.NotGenuineMessage) : null,
            verdict.NotFoundReason is { } reason ? new ProblemJson(reason, VerdictText.Detail(text, verdict, publicHost), null) : null,
            verdict.FromMemory);
    }

    public static string KindCode(VerdictKind kind) => kind switch
    {
        VerdictKind.GenuineValid => "GENUINE_VALID",
        VerdictKind.GenuineNotValid => "GENUINE_NOT_VALID",
        VerdictKind.GenuineChanged => "GENUINE_CHANGED",
        VerdictKind.NotFound => "NOT_FOUND",
        _ => "NOT_GENUINE",
    };
}

/// <summary>The registry's side, today.</summary>
public sealed record CertificateJson(
    string? Number, string NormalizedNumber, string Url, string? HolderNameZh, string? HolderNameEn, string? CreditCode,
    string? Level, DateOnly? IssuedOn, DateOnly? ExpiresOn, string? BodyNameZh, string? BodyNameEn)
{
    public static CertificateJson From(Verdict v) => new(v.CertificateNumber, v.NormalizedNumber!, $"/certificates/{v.NormalizedNumber}",
        v.HolderNameZh, v.HolderNameEn, v.CreditCode, v.Level, v.IssuedOn, v.ExpiresOn, v.BodyNameZh, v.BodyNameEn);
}

/// <summary>Exactly what was signed, plus who signed it.</summary>
public sealed record ClaimsJson(
    int Version, string Number, string CreditCode, string Level, DateOnly IssuedOn, DateOnly ExpiresOn, string Medium, uint Serial,
    DateOnly SignedOn, string? SignedBy, string? KeyId)
{
    public static ClaimsJson From(QrClaims c, Verdict v) => new(c.Version, c.CertificateNumber, c.CreditCode, c.Level, c.IssuedOn, c.ExpiresOn,
        MediumCode(c.Medium), c.Serial, c.SignedOn, v.SignedBy, v.KeyId);

    public static string MediumCode(Medium medium) => medium switch
    {
        Signing.Claims.Medium.Certificate => "CERTIFICATE",
        Signing.Claims.Medium.Plaque => "PLAQUE",
        _ => "PACKAGING_MARK",
    };
}

public sealed record DifferenceJson(string Field, string SignedValue, string RegistryValue);

/// <summary>A stable code, a plain sentence in the request's language, and for NOT GENUINE the verifier's technical detail.</summary>
public sealed record ProblemJson(string Code, string Message, string? Detail);
