namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// The GraphiQL IDE for a browser that opens /graphql. Its script and styles are the site's own files
/// (built from web/graphiql, see the README there), so the page loads nothing from anywhere else, and its
/// Content-Security-Policy says so: scripts and styles from this site only, requests to this site only.
/// The one exception is a nonce for style elements that GraphiQL's dialogs insert at run time.
/// </summary>
public static class GraphiQLPage
{
    public const string ScriptPath = "/graphiql/graphiql.js";
    public const string StylePath = "/graphiql/graphiql.css";

    public static Task WriteAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var nonce = Site.SecurityHeaders.Nonce(http);
        // Its own CSP with its own nonce: rendered every time.
        PageCache.PageCacheTags.DoNotStore(http);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = "Accept";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
        return http.Response.WriteAsync(Html(nonce), http.RequestAborted);
    }

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'none'; " +
        "script-src 'self'; " +
        $"style-src 'self' 'nonce-{nonce}'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Html(string nonce) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>GraphiQL · Star Registry</title>
          <link rel="icon" href="data:,">
          <link rel="stylesheet" href="{{StylePath}}">
        </head>
        <body>
          <div id="graphiql" data-endpoint="/graphql">Loading GraphiQL… (it needs JavaScript)</div>
          <script src="{{ScriptPath}}" nonce="{{nonce}}" defer></script>
        </body>
        </html>
        """;
}
