using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Registry.Web.Features.Verification;

/// <summary>
/// Where a phone camera lands: /v/{payload} (or /V/…, as codes print it; routing ignores case). Everything
/// after /v/ is the scan, so that extra path is judged rather than routed to a 404.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PageCachePolicies.Verdict)]
public sealed class ScanModel(IVerifier verifier, IOptions<VerificationOptions> options) : PageModel
{
    public VerdictView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? rest, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(rest))
        {
            return Redirect("/verify");
        }

        var host = options.Value.PublicHost;
        var scanned = ScannedLink.Rebuild(host, rest, Request.Query, Request.QueryString);
        var verdict = await verifier.VerifyAsync(scanned, cancellationToken);
        View = new VerdictView(verdict, host, scanned);
        Response.StatusCode = VerdictHttp.StatusCode(verdict);
        return Page();
    }
}
