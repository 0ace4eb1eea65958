using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Site;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Features.RateLimits;

/// <summary>
/// Rate limits on every path: a global limiter for anonymous callers, with one bucket per kind of path
/// (<see cref="RateLimitsOptions"/>), beside the policies of the endpoints that have their own (GraphQL, the
/// publishing API with its per-key buckets). Every count is shared by the instances through Redis. A refusal is a 429
/// with Retry-After: a problem for programs, the friendly page for people. See README.md.
/// </summary>
public static class RateLimitsExtensions
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => new[] { o.Pages, o.Search, o.Suggestions, o.Verify, o.Uploads }.All(l => l.Window > TimeSpan.Zero), "RateLimits: every Window must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new SharedLimiters(services.GetService<RedisConnection>(),
            services.GetRequiredService<IOptions<RateLimitsOptions>>().Value.Namespace ?? services.GetService<FeedNames>()?.Namespace ?? "registry"));
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Anonymous);
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>The bucket a request without a policy of its own counts against; none for bodies' keys and re-executed error pages.</summary>
    private static RateLimitPartition<string> Anonymous(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
            || endpoint?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null
            || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerPathFeature>() is not null
            || ApiKeyClaims.KeyIdOf(http.User) is not null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limits = http.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value;
        var (bucket, limit) = BucketOf(http.Request, limits);
        return http.RequestServices.GetRequiredService<SharedLimiters>().FixedWindow(bucket, CallerPartition.Of(http.Connection.RemoteIpAddress), limit);
    }

    public static (string Bucket, RateLimitOptions Limit) BucketOf(HttpRequest request, RateLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var path = request.Path;
        var post = HttpMethods.IsPost(request.Method);
        if (path.StartsWithSegments("/api/verify/image", StringComparison.OrdinalIgnoreCase) || (post && path.StartsWithSegments("/verify/upload", StringComparison.OrdinalIgnoreCase)))
        {
            return ("uploads", limits.Uploads);
        }

        if (post && (path.StartsWithSegments("/check", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/api/check", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/receipts", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/watch", StringComparison.OrdinalIgnoreCase)))
        {
            return ("checks", limits.Checks);
        }

        if (path.StartsWithSegments("/api/verify", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/v", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase))
        {
            return ("verify", limits.Verify);
        }

        if (path.StartsWithSegments("/search/suggest", StringComparison.OrdinalIgnoreCase))
        {
            return ("suggestions", limits.Suggestions);
        }

        return path.StartsWithSegments("/search", StringComparison.OrdinalIgnoreCase) ? ("search", limits.Search) : ("pages", limits.Pages);
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = (int)Math.Ceiling(Math.Max(retryAfter.TotalSeconds, 1));
        var keyed = ApiKeyClaims.KeyIdOf(http.User) is not null;
        await ErrorResponses.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests", ApiKeyDefaults.RateLimitedCode,
            keyed
                ? $"This API key has used up its request allowance for now; try again in {seconds} s."
                : $"This address has sent more requests than the registry answers for one caller; try again in {seconds} s.",
            TimeSpan.FromSeconds(seconds));
    }
}
