using System.Security.Cryptography;
using Microsoft.AspNetCore.CookiePolicy;

namespace Registry.Web.Features.Site;

/// <summary>
/// The headers every answer carries. Pages: a Content-Security-Policy without 'unsafe-inline' (scripts and styles
/// from the site's own files; an inline script needs the request's nonce), no framing by anyone
/// (<c>frame-ancestors 'none'</c>, and X-Frame-Options for old browsers), forms posted only to the site. Every
/// answer: <c>nosniff</c>, a referrer policy that sends no path to other sites (a /v/ link holds a code), and a
/// permissions policy that lets only the site itself use the camera (for scanning). Kestrel's Server header is off
/// (<see cref="SiteExtensions"/>). A response that set its own policy (GraphiQL's) keeps it, and an answer replayed by the
/// output cache keeps the policy it was stored with, whose nonce is its body's.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "registry.csp.nonce";

    /// <summary>What an API answer may load: nothing, and no page may frame it.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The request's nonce for inline scripts (and styles) that need one, made on first use.</summary>
    public static string Nonce(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[NonceItem] is not string nonce)
        {
            // base64url: a page writes it into an attribute as it is (no '+', '/' or '=' to encode).
            nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;
        }

        return nonce;
    }

    /// <summary>How every page policy begins, whatever its nonce.</summary>
    private const string PagePolicyStart = "default-src 'none'; script-src 'self' 'nonce-";

    public static string PagePolicy(string nonce) =>
        PagePolicyStart + nonce + "'; " +
        "style-src 'self'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "media-src 'self' blob:; " +
        "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            // Over HTTPS (behind the proxy too, once forwarded headers say so) every cookie is Secure.
            Secure = CookieSecurePolicy.SameAsRequest,
            HttpOnly = HttpOnlyPolicy.Always,
            MinimumSameSitePolicy = SameSiteMode.Lax,
        });
        app.Use((context, next) =>
        {
            // Set before the page runs, so that an answer the output cache keeps carries the policy with the nonce its
            // own body was rendered with, and replays the two together; an answer that is not a page gets the API policy
            // when it starts.
            context.Response.Headers.ContentSecurityPolicy = PagePolicy(Nonce(context));
            context.Response.OnStarting(() =>
            {
                Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (headers["Referrer-Policy"].Count == 0)
        {
            // A page whose address is a secret (a watch list's) sets no-referrer itself.
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        }

        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        var html = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (headers.ContentSecurityPolicy.Count == 0)
        {
            headers.ContentSecurityPolicy = html ? PagePolicy(Nonce(context)) : ApiPolicy;
        }
        else if (!html && headers.ContentSecurityPolicy.ToString().StartsWith(PagePolicyStart, StringComparison.Ordinal))
        {
            // The page policy set up front, on an answer that turned out not to be a page; or replayed by the output
            // cache, which captured the headers before this switch ran (with another request's nonce).
            headers.ContentSecurityPolicy = ApiPolicy;
        }
    }
}
