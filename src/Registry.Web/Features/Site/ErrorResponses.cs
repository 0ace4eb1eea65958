using Registry.Web.Features.ApiKeys;

namespace Registry.Web.Features.Site;

/// <summary>
/// One way for middleware to refuse a request before an endpoint runs (bad text, too many requests, the
/// database unreachable): an RFC 9457 problem with the registry's stable code for a program (the API routes,
/// /graphql, or a client that asks for JSON), the site's friendly error page for a person. The page is the
/// status code page re-executed for the status; it shows <paramref name="detail"/> below its own explanation.
/// </summary>
public static class ErrorResponses
{
    /// <summary>The HttpContext item that carries the sentence for the friendly page.</summary>
    public const string DetailItem = "registry.error.detail";

    public static bool WantsProblem(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WantsProblem(context, context.Request.Path);
    }

    /// <summary>As above, for a request whose path was rewritten (an error page re-executed for <paramref name="path"/>).</summary>
    public static bool WantsProblem(HttpContext context, PathString path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/graphql", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/.well-known", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var accept = context.Request.Headers.Accept.ToString();
        return accept.Contains("json", StringComparison.OrdinalIgnoreCase) && !accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Retry-After in whole seconds, at least one.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(wait.TotalSeconds, 1))).ToString(CultureInfo.InvariantCulture);
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string code, string detail, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Clear();
        if (retryAfter is { } wait)
        {
            SetRetryAfter(context.Response, wait);
        }

        context.Response.Headers.CacheControl = "no-store";
        if (WantsProblem(context))
        {
            return ApiProblems.Write(context, status, title, code, detail);
        }

        // An empty response with this status: the status code pages (UseSite) render the friendly page.
        context.Items[DetailItem] = detail;
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
