using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Registry.Signing.Payloads;

namespace Registry.Web.Features.Verification;

/// <summary>
/// /verify: paste what a scanner app showed (a link or the bare payload) into a GET form. The verdict is the
/// one /v/ gives; the section #scan-upload is where checking a photo of a code will go.
/// </summary>
public sealed class VerifyModel(IVerifier verifier, IOptions<VerificationOptions> options) : PageModel
{
    /// <summary>What was pasted, cut to the longest a code can be, to fill the box again.</summary>
    public string? Code { get; private set; }

    public VerdictView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        // Pasting picks up spaces and line breaks around the text; inside it they still make it NOT GENUINE.
        var pasted = code?.Trim();
        if (string.IsNullOrEmpty(pasted))
        {
            return Page();
        }

        Code = pasted.Length > PayloadLimits.MaxScannedTextLength ? pasted[..PayloadLimits.MaxScannedTextLength] : pasted;
        var verdict = await verifier.VerifyAsync(pasted, cancellationToken);
        View = new VerdictView(verdict, options.Value.PublicHost, pasted);
        Response.StatusCode = VerdictHttp.StatusCode(verdict);
        return Page();
    }
}
