using System.Threading.RateLimiting;
using Registry.Web.Features.RateLimits;
using Microsoft.Extensions.Options;
using Registry.Web.Features.ApiKeys;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// The one place where who is calling changes the transport's limits. A certification body (a valid API key)
/// may send larger requests (a 10,000-row bulkPublish) and is rate-limited per key with the "PerApiKey"
/// bucket's settings (<see cref="ApiKeyRateLimitOptions"/>), not per address; everyone else gets the anonymous limits.
/// </summary>
public static class CallerLimits
{
    public static int MaxRequestBytes(HttpContext http, GraphQLApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ApiKeyClaims.KeyIdOf(http.User) is null ? options.MaxRequestBytes : Math.Max(options.MaxRequestBytes, options.MaxAuthenticatedRequestBytes);
    }

    /// <summary>The longest answer the caller gets: a bulkPublish of 10,000 rows answers with a few MiB, a public query with far less.</summary>
    public static int MaxResponseBytes(HttpContext http, GraphQLApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ApiKeyClaims.KeyIdOf(http.User) is null ? options.MaxResponseBytes : Math.Max(options.MaxResponseBytes, options.MaxAuthenticatedResponseBytes);
    }

    /// <summary>
    /// Whether a request larger than the anonymous limit may run: only a mutation made of nothing but
    /// <c>bulkPublish</c> fields needs the room the authenticated limit gives (10,000 rows as variables).
    /// </summary>
    public static bool MayExceedAnonymousSize(RequestedOperation operation) =>
        operation.Definition is { Operation: GraphQLParser.AST.OperationType.Mutation } mutation
        && mutation.SelectionSet.Selections.All(s => s is GraphQLParser.AST.GraphQLField { Name.StringValue: "bulkPublish" });

    /// <summary>
    /// A token bucket per key id, sized like the REST API's. ASP.NET Core keeps each policy's partitions apart,
    /// so a key has one bucket at /graphql and another under /api/publishing, each of the same size.
    /// </summary>
    public static RateLimitPartition<string>? KeyPartition(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ApiKeyClaims.KeyIdOf(http.User) is not { } keyId)
        {
            return null;
        }

        var limits = http.RequestServices.GetRequiredService<IOptions<ApiKeyRateLimitOptions>>().Value;
        return http.RequestServices.GetRequiredService<SharedLimiters>()
            .TokenBucket(AnonymousRateLimit.Policy + "-key", keyId, limits.BurstLimit, limits.RequestsPerPeriod, limits.Period);
    }
}
