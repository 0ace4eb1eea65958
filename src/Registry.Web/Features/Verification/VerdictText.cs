using Microsoft.Extensions.Localization;
using Registry.Signing.Claims;
using Registry.Web.Features.Site;

namespace Registry.Web.Features.Verification;

/// <summary>
/// How a verdict reads and looks. The big label is loud for everything but VALID: a consumer glancing at a
/// phone must not mistake a withdrawn certificate for a good one. In Chinese the English label is shown
/// under it too (已撤销 CERTIFICATE WITHDRAWN), since codes are scanned by visitors as well.
/// </summary>
public static class VerdictText
{
    public static string CssClass(Verdict verdict) => verdict.Kind switch
    {
        VerdictKind.GenuineValid => "status-valid",
        VerdictKind.GenuineChanged => "verify-changed",
        _ => "verify-alarm",
    };

    /// <summary>
    /// The label in English, which is also its resource key. (Resource names are case-insensitive, so these
    /// cannot be "VALID" or "WITHDRAWN": the certificate page's "Valid" and "Withdrawn" hold other Chinese.)
    /// </summary>
    public static string EnglishLabel(Verdict verdict) => verdict.Kind switch
    {
        VerdictKind.GenuineValid => "Genuine and valid",
        VerdictKind.GenuineNotValid => verdict.Status switch
        {
            CertificateStatus.Suspended => "Certificate suspended",
            CertificateStatus.Withdrawn => "Certificate withdrawn",
            CertificateStatus.Cancelled => "Certificate cancelled",
            _ => "Certificate expired",
        },
        VerdictKind.GenuineChanged => "Details changed",
        VerdictKind.NotFound => "Certificate not found",
        _ => "Not genuine",
    };

    public static string Label(IStringLocalizer text, Verdict verdict) => EnglishLabel(verdict) switch
    {
        "Genuine and valid" => text["Genuine and valid"],
        "Certificate suspended" => text["Certificate suspended"],
        "Certificate withdrawn" => text["Certificate withdrawn"],
        "Certificate cancelled" => text["Certificate cancelled"],
        "Certificate expired" => text["Certificate expired"],
        "Details changed" => text["Details changed"],
        "Certificate not found" => text["Certificate not found"],
        _ => text["Not genuine"],
    };

    /// <summary>The line above the label: what the signature proved.</summary>
    public static string Kicker(IStringLocalizer text, Verdict verdict) => verdict.Kind switch
    {
        VerdictKind.GenuineValid => text["Genuine code, signed by {0}", BodyName(verdict)],
        VerdictKind.GenuineNotValid => text["Genuine code, but the certificate is not valid"],
        VerdictKind.GenuineChanged => text["Genuine code, but the registry's details changed after it was printed"],
        VerdictKind.NotFound => text["Genuinely signed, but the registry holds no such certificate"],
        _ => text["Do not rely on this code"],
    };

    /// <summary>The line under the label: until when, since when and why, or what is wrong.</summary>
    public static string Detail(IStringLocalizer text, Verdict verdict, string publicHost) => verdict.Kind switch
    {
        VerdictKind.GenuineValid or VerdictKind.GenuineChanged =>
            text["Certificate {0} is valid until {1}.", verdict.CertificateNumber ?? string.Empty, Day(verdict.ExpiresOn)],
        VerdictKind.GenuineNotValid when verdict.Status == CertificateStatus.Expired =>
            text["This certificate expired on {0}. It is no longer valid.", Day(verdict.ExpiresOn)],
        VerdictKind.GenuineNotValid => text["Since {0}: {1}", Day(verdict.StatusSince), verdict.StatusReason ?? "—"],
        VerdictKind.NotFound when verdict.NotFoundReason == NotFoundReasons.NotYetInEffect =>
            text["Certificate {0} is not in effect yet.", verdict.CertificateNumber ?? string.Empty],
        VerdictKind.NotFound =>
            text["The registry holds no certificate numbered {0}: it was never issued here, so the registry cannot vouch for it.", verdict.CertificateNumber ?? string.Empty],
        _ => NotGenuineText.Explain(text, verdict.NotGenuineCode, publicHost),
    };

    public static string Medium(IStringLocalizer text, Medium medium) => medium switch
    {
        Signing.Claims.Medium.Certificate => text["Paper certificate"],
        Signing.Claims.Medium.Plaque => text["Plaque"],
        _ => text["Packaging mark"],
    };

    public static string BodyName(Verdict verdict) =>
        (SiteExtensions.IsEnglish ? verdict.BodyNameEn : verdict.BodyNameZh) ?? verdict.SignedBy ?? "—";

    public static string Day(DateOnly? day) => day is { } d ? RegistryComparison.Day(d) : "—";
}
