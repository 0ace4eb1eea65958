using Microsoft.Extensions.Localization;

namespace Registry.Web.Features.Verification;

/// <summary>
/// The stable NOT GENUINE codes in words a shopper understands. The library's own message (for developers,
/// in English) stays available as the technical detail; this is what the page leads with.
/// </summary>
public static class NotGenuineText
{
    public static string Explain(IStringLocalizer text, string? code, string publicHost) => code switch
    {
        "TOO_LARGE" => text["This is far longer than any code the registry prints, so it is not one of them."],
        "BAD_URL" => text["This is not a link to the registry's check page as the registry prints it (https://{0}/V/…), or something was added after the code.", publicHost],
        "BAD_ENCODING" => text["The code's characters are damaged or made up: they are not in the form the registry prints."],
        "MALFORMED" => text["The code's content is not in the registry's format: it was damaged, altered or made up."],
        "TRAILING_DATA" => text["Something was added after the signed code. A genuine code ends with its signature."],
        "UNKNOWN_KEY" => text["The code was signed with a key that no certification body in the registry holds."],
        "REVOKED_KEY" => text["The code was signed with a key that has been revoked. Nothing signed with that key is trusted any more."],
        "BAD_SIGNATURE" => text["The signature does not match the content: the code was altered or forged."],
        "UNSUPPORTED_VERSION" => text["The code is in a format version the registry does not know."],
        "KEY_NOT_VALID_AT_SIGNING_TIME" => text["The code says it was signed on a day its key was not allowed to sign."],
        "WRONG_ISSUER" => text["The code was signed by another certification body than the one that issued this certificate."],
        _ => text["The code could not be verified."],
    };
}
