using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// ASP.NET Core rate limiting at /graphql. Anonymous callers: a fixed window of permits per remote address;
/// IPv6 callers are counted per /64, the block one subscriber usually holds, so that cycling through addresses
/// in it gains nothing. Callers with a valid API key are counted per key instead (<see cref="CallerLimits"/>).
/// A refusal is 429 with an RFC 9457 problem and Retry-After.
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
            return RateLimitPartition.GetFixedWindowLimiter(PartitionOf(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        // One OnRejected serves every policy of the site: refusals at /graphql are answered here, the rest as before.
        var others = limiter.OnRejected;
        limiter.OnRejected = (rejected, cancellationToken) =>
            others is null || rejected.HttpContext.Request.Path.StartsWithSegments(GraphQLExtensions.Path)
                ? RejectAsync(rejected, cancellationToken)
                : others(rejected, cancellationToken);
    }

    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60);
        var seconds = (int)Math.Ceiling(Math.Max(retryAfter.TotalSeconds, 1));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: CallerLimits.KeyPartition(http) is null
                ? $"This address has sent more requests than anonymous callers may; try again in {seconds} s."
                : $"This API key has used up its request allowance for now; try again in {seconds} s.",
            type: "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.RateLimited, ["retryAfterSeconds"] = seconds })
            .ExecuteAsync(http);
    }
}
