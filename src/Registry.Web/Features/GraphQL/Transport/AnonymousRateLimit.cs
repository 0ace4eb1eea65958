using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Registry.Web.Features.RateLimits;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// The rate-limit policy at /graphql. Anonymous callers: a fixed window of permits per caller
/// (<see cref="CallerPartition"/>); callers with a valid API key are counted per key instead (<see cref="CallerLimits"/>).
/// Both are shared by every instance (<see cref="SharedLimiters"/>); a refusal is the site's 429 problem with Retry-After.
/// </summary>
public static class AnonymousRateLimit
{
    public const string Policy = "graphql";

    public static void Configure(RateLimiterOptions limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        limiter.AddPolicy(Policy, http =>
        {
            if (CallerLimits.KeyPartition(http) is { } keyed)
            {
                return keyed;
            }

            var limit = http.RequestServices.GetRequiredService<IOptions<GraphQLApiOptions>>().Value.AnonymousRateLimit;
            return http.RequestServices.GetRequiredService<SharedLimiters>().FixedWindow(Policy, CallerPartition.Of(http.Connection.RemoteIpAddress), limit);
        });
    }
}
