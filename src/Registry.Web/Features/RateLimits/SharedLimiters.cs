using System.Threading.RateLimiting;
using RedisRateLimiting;
using Registry.Web.Features.StatusFeed;
using StackExchange.Redis;

namespace Registry.Web.Features.RateLimits;

/// <summary>
/// Makes the partitions of every rate limit of the site: counted in Redis (shared by all instances) under the
/// registry's namespace, and in-process while Redis is unreachable or not configured (<see cref="SharedRateLimiter"/>).
/// </summary>
public sealed class SharedLimiters(RedisConnection? redis, string @namespace)
{
    private int _connecting;

    public RateLimitPartition<string> FixedWindow(string policy, string partition, RateLimitOptions limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var key = $"{policy}:{partition}";
        return RateLimitPartition.Get(key, _ => new SharedRateLimiter(
            Current,
            multiplexer => new RedisFixedWindowRateLimiter<string>(RedisKey(key), new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => multiplexer,
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
            }),
            new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            ChunkOf(limit.PermitLimit)));
    }

    /// <summary>
    /// Permits a fixed window takes from Redis at once: 2% of the limit (12 of the pages' 600 a minute), and one by one
    /// for small limits, so that a limit of a few (uploads, tests) is counted exactly.
    /// </summary>
    public static int ChunkOf(int permitLimit) => Math.Max(1, permitLimit / 50);

    public RateLimitPartition<string> TokenBucket(string policy, string partition, int tokenLimit, int tokensPerPeriod, TimeSpan period)
    {
        var key = $"{policy}:{partition}";
        return RateLimitPartition.Get(key, _ => new SharedRateLimiter(
            Current,
            multiplexer => new RedisTokenBucketRateLimiter<string>(RedisKey(key), new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => multiplexer,
                TokenLimit = tokenLimit,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = period,
            }),
            new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = tokenLimit,
                TokensPerPeriod = tokensPerPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            })));
    }

    private string RedisKey(string key) => $"registry:{@namespace}:rate:{key}";

    /// <summary>The connected multiplexer, or null (not configured, not yet connected, or down); asks for the connection once.</summary>
    private IConnectionMultiplexer? Current()
    {
        if (redis is not { IsConfigured: true } connection)
        {
            return null;
        }

        if (connection.Current is { } multiplexer)
        {
            return multiplexer;
        }

        if (Interlocked.Exchange(ref _connecting, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await connection.GetAsync(CancellationToken.None);
                }
                catch (RedisException)
                {
                    // StackExchange.Redis keeps trying on its own; until then limits are counted in-process.
                }
                finally
                {
                    Volatile.Write(ref _connecting, 0);
                }
            });
        }

        return null;
    }
}
