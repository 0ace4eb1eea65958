using Microsoft.Extensions.Localization;
using Registry.Domain.Levels;
using Registry.Web.Features.Site;

namespace Registry.Web.Features.Certificates;

/// <summary>How statuses, changes and levels read on the site, in the request's language.</summary>
public static class Labels
{
    public static string Status(IStringLocalizer text, CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => text["Valid"],
        CertificateStatus.Suspended => text["Suspended"],
        CertificateStatus.Withdrawn => text["Withdrawn"],
        CertificateStatus.Cancelled => text["Cancelled"],
        CertificateStatus.Expired => text["Expired"],
        _ => text["Not issued"],
    };

    public static string Change(IStringLocalizer text, StatusEventKind kind) => kind switch
    {
        StatusEventKind.Issued => text["Issued"],
        StatusEventKind.Suspended => text["Suspended"],
        StatusEventKind.Reinstated => text["Reinstated"],
        StatusEventKind.Withdrawn => text["Withdrawn"],
        StatusEventKind.Cancelled => text["Cancelled at the holder's request"],
        StatusEventKind.Renewed => text["Renewed"],
        StatusEventKind.ScopeChanged => text["Scope changed"],
        StatusEventKind.LevelChanged => text["Level changed"],
        _ => kind.ToString(),
    };

    /// <summary>A publishing operation by its wire name (a bulk row's <c>operation</c>), as staff read it.</summary>
    public static string Operation(IStringLocalizer text, string? operation) => operation switch
    {
        "issue" => text["Issue"],
        "renew" => text["Renew"],
        "change-scope" => text["Change the scope"],
        "change-level" => text["Change the level"],
        "suspend" => text["Suspend"],
        "reinstate" => text["Reinstate"],
        "withdraw" => text["Withdraw"],
        "cancel" => text["Cancel the certificate"],
        null => "—",
        _ => operation,
    };

    /// <summary>A status as an answer or a preview carries it (its enum name); text that is not one is shown as it is.</summary>
    public static string Status(IStringLocalizer text, string? status) =>
        Enum.TryParse<CertificateStatus>(status, ignoreCase: false, out var parsed) ? Status(text, parsed) : status ?? "—";

    public static string Level(Scheme scheme, string? code)
    {
        var level = code is null ? null : scheme.FindLevel(code);
        return level is null ? "—" : SiteExtensions.IsEnglish ? level.NameEn : level.NameZh;
    }

    public static string Stars(Scheme scheme, string? code) =>
        code is not null && scheme.FindLevel(code) is { Stars: > 0 } level ? new string('★', level.Stars) : string.Empty;

    /// <summary>CSS class that makes a bad status as loud as a good one is calm.</summary>
    public static string StatusClass(CertificateStatus status) => $"status-{status.ToString().ToLowerInvariant()}";
}
