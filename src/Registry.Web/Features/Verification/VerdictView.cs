namespace Registry.Web.Features.Verification;

/// <summary>
/// What the verdict partial needs: the verdict, the host codes must name (for the BAD_URL explanation), and the
/// text that was verified (for a receipt of the verdict).
/// </summary>
public sealed record VerdictView(Verdict Verdict, string PublicHost, string? Scanned = null);

/// <summary>The HTTP status a verdict is served with.</summary>
public static class VerdictHttp
{
    /// <summary>
    /// NOT GENUINE is an answer, not an error: a forged, altered or damaged code gets 200 and its verdict.
    /// Only text longer than any code can be (TOO_LARGE, refused before decoding or cryptography) is not a
    /// payload at all, and gets 400.
    /// </summary>
    public static int StatusCode(Verdict verdict) =>
        verdict.NotGenuineCode == "TOO_LARGE" ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
}
