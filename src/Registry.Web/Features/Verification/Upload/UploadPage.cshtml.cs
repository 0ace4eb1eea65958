using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// /verify/upload: the form on its own (GET), and the answer to a picture (POST). A registry code is
/// redirected (303) to its /v/ page, which shows the verdict as a scan would; anything else is answered here.
/// </summary>
// No antiforgery token: the post changes nothing on the server (it reads a picture and answers), so a forged
// cross-site post gains nothing, while a required token would fail forms served from a cache or an old tab.
// Without a token to check, nothing reads the form before OnPostAsync, which streams the file within its limits.
[IgnoreAntiforgeryToken]
[RequestSizeLimit(QrImageLimits.MaxRequestBytes)]
public sealed class UploadPageModel(QrUploadVerification verification) : PageModel
{
    public UploadOutcome? Outcome { get; private set; }

    /// <summary>The picture's format when it was refused as unsupported (e.g. "GIF"), for the message.</summary>
    public string? FormatName { get; private set; }

    public void OnGet()
    {
    }

    /// <remarks>
    /// No parameters, not even a CancellationToken: binding any parameter makes MVC build every value provider,
    /// and the form's provider reads (and spools) the whole form first. The abort token comes from HttpContext.
    /// </remarks>
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var (file, problem, detail) = await UploadedFile.ReadAsync(Request, allowRawBody: false, cancellationToken);
        Outcome = file is null
            ? UploadOutcome.Refused(problem!.Value, detail!)
            : await verification.VerifyAsync(file, cancellationToken);
        if (Outcome.Payload is { } payload)
        {
            // 303: the browser fetches the verdict page with GET, so reloading it never re-sends the picture.
            Response.Headers.Location = "/v/" + Uri.EscapeDataString(payload);
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        if (Outcome.Problem is { } refused)
        {
            Response.StatusCode = refused.HttpStatus();
            FormatName = refused == QrImageProblem.UnsupportedFormat && file is not null ? ImageSniffer.Sniff(file).Name : null;
        }

        return Page();
    }
}
