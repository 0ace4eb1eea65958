using Microsoft.Extensions.Localization;
using Registry.Domain.Levels;
using Registry.Web.Features.Certificates;

namespace Registry.Web.Features.Checks;

/// <summary>
/// A report as a flat table, one line per matched certificate (a row without a match is one line with the reason),
/// in the reader's language: what the downloads hold, so that a spreadsheet can sort and filter it.
/// </summary>
public static class CheckLines
{
    public static IReadOnlyList<string> Header(IStringLocalizer text) =>
    [
        text["Row"], text["Asked"], text["Taken as"], text["Certificate number"], text["Holder"], text["Holder's credit code"],
        text["Status now"], text["Level"], text["Expires"], text["Certification body"], text["Needs a look"], text["Why"],
    ];

    public static IEnumerable<IReadOnlyList<string>> Lines(CheckReport report, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var row in report.Rows)
        {
            var concerns = string.Join("; ", row.Concerns.Select(c => ConcernText(text, c)));
            var why = row.Reason is { } reason ? Why(text, reason) : string.Empty;
            if (row.Matches.Count == 0)
            {
                yield return [Number(row.Row), row.Asked, AskedAsText(text, row.AskedAs), "", "", "", "", "", "", "", concerns, why];
                continue;
            }

            foreach (var match in row.Matches)
            {
                yield return
                [
                    Number(row.Row), row.Asked, AskedAsText(text, row.AskedAs), match.Number, HolderName(match), match.HolderCreditCode,
                    Labels.Status(text, match.Status), Labels.Level(Schemes.Find(match.SchemeCode), match.Level),
                    match.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BodyName(match), concerns, why,
                ];
            }
        }
    }

    public static string HolderName(CheckedCertificate match) =>
        Site.SiteExtensions.IsEnglish && match.HolderNameEn is { } english ? english : match.HolderNameZh;

    public static string BodyName(CheckedCertificate match) => Site.SiteExtensions.IsEnglish ? match.BodyNameEn : match.BodyNameZh;

    public static string AskedAsText(IStringLocalizer text, AskedAs asked) => asked switch
    {
        AskedAs.CertificateNumber => text["Certificate number"],
        AskedAs.CreditCode => text["Credit code"],
        AskedAs.Name => text["Company name"],
        _ => text["Unreadable"],
    };

    public static string ConcernText(IStringLocalizer text, CheckConcern concern) => concern switch
    {
        CheckConcern.SeveralMatches => text["Several certificates match"],
        CheckConcern.PartialName => text["Only a partial name matched"],
        CheckConcern.CreditCodeDiffers => text["The holder's credit code differs from the one asked"],
        _ => text["Nothing found"],
    };

    /// <summary>Why a row found nothing, in the reader's language; the detail of a refusal the registry does not word itself stays as it is.</summary>
    public static string Why(IStringLocalizer text, CheckProblem problem) => problem.Code switch
    {
        "MALFORMED_CREDIT_CODE" => text["Not a credit code: a unified social credit code has 18 letters and digits."],
        "CREDIT_CODE_CHECK_FAILED" => text["The credit code's check character is wrong: it was mistyped or is not genuine."],
        "MALFORMED_CERTIFICATE_NUMBER" => text["Not a certificate number: after folding, 6 to 40 letters and digits."],
        "CERTIFICATE_NOT_FOUND" => text["The registry has never held a certificate with this number."],
        "NO_CERTIFICATE_FOR_CREDIT_CODE" => text["No certificate in the registry is held by this credit code."],
        "NO_HOLDER_BY_NAME" => text["No certificate holder has this name or a name like it."],
        "NOTHING_TO_CHECK" => text["The row holds no company name, credit code or certificate number."],
        "INVALID_TEXT" => text["The row holds characters the registry refuses (control or direction characters): {0}", problem.Message],
        _ => problem.Message,
    };

    private static string Number(int row) => row.ToString(CultureInfo.InvariantCulture);
}
