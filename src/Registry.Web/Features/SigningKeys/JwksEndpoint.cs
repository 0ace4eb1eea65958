using Microsoft.Extensions.Primitives;

namespace Registry.Web.Features.SigningKeys;

/// <summary>
/// GET /.well-known/jwks.json: every key of every body, revoked ones included (an offline verifier must be able
/// to say REVOKED_KEY rather than UNKNOWN_KEY). Public members only; the document comes from <see cref="PublishedKeys"/>.
/// </summary>
internal static class JwksEndpoint
{
    public const string Path = "/.well-known/jwks.json";

    /// <summary>RFC 7517 section 8.5.</summary>
    public const string MediaType = "application/jwk-set+json";

    /// <summary>
    /// Five minutes: a revocation reaches caches and verifiers within that; the ETag makes re-checking cheap.
    /// Public, because the document is the same for everyone.
    /// </summary>
    public const string CacheControl = "public, max-age=300";

    public static async Task<IResult> GetAsync(HttpContext context, SigningKeyStore store, CancellationToken cancellationToken)
    {
        var published = await store.PublishedAsync(cancellationToken);
        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.ETag = published.ETag;

        // Verifiers running in a browser on another site (or a file:// page) must be able to fetch the keys.
        headers.AccessControlAllowOrigin = "*";
        if (Matches(context.Request.Headers.IfNoneMatch, published.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(published.Jwks, MediaType);
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 section 13.1.2): W/ is ignored, * matches anything.</summary>
    private static bool Matches(StringValues ifNoneMatch, string eTag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || tag == eTag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
