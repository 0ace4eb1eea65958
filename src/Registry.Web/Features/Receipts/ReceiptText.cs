using Microsoft.Extensions.Localization;
using Registry.Web.Features.Checks;

namespace Registry.Web.Features.Receipts;

/// <summary>A receipt's stable codes in the reader's language; a code this version does not know is shown as it is.</summary>
public static class ReceiptText
{
    public static string TakenAs(IStringLocalizer text, string code) => code switch
    {
        "certificate_number" => CheckLines.AskedAsText(text, AskedAs.CertificateNumber),
        "credit_code" => CheckLines.AskedAsText(text, AskedAs.CreditCode),
        "name" => CheckLines.AskedAsText(text, AskedAs.Name),
        "unreadable" => CheckLines.AskedAsText(text, AskedAs.Unreadable),
        ReceiptRows.QrCode => text["QR code"],
        _ => code,
    };

    public static string Concern(IStringLocalizer text, string code)
    {
        foreach (var concern in Enum.GetValues<CheckConcern>())
        {
            if (ReceiptRows.ConcernCode(concern) == code)
            {
                return CheckLines.ConcernText(text, concern);
            }
        }

        return code;
    }

    public static string Reason(IStringLocalizer text, string code) => CheckLines.Why(text, new CheckProblem(code, code));

    public static string Kind(IStringLocalizer text, string kind) => kind switch
    {
        Signing.Receipts.ReceiptKinds.Check => text["Bulk check"],
        Signing.Receipts.ReceiptKinds.Certificate => text["Certificate look-up"],
        Signing.Receipts.ReceiptKinds.Verification => text["QR code verification"],
        _ => kind,
    };

    public static string Outcome(IStringLocalizer text, string code) => code switch
    {
        "GENUINE_VALID" => text["Genuine code; the certificate was valid"],
        "GENUINE_NOT_VALID" => text["Genuine code; the certificate was not valid"],
        "GENUINE_CHANGED" => text["Genuine code; the registry's record differed from the print"],
        "NOT_FOUND" => text["Genuine signature; the registry held no such certificate"],
        "NOT_GENUINE" => text["Not genuine"],
        _ => code,
    };
}
