using Microsoft.AspNetCore.OutputCaching;
using Registry.Web.Features.StatusFeed;
using StackExchange.Redis;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// The Redis output-cache store, made safe to lose: while Redis is down (or before the first connection) a look-up is
/// a miss and a store is skipped, without waiting for a timeout, and a failing or slow call (over <see cref="RedisWait"/>)
/// is a miss too, logged; a page is
/// then rendered as if there were no cache, never answered with an error. A failed eviction is the eviction follower's to retry.
/// In front of Redis, each instance keeps what it read or stored for at most <see cref="LocalLifetime"/> in memory (bounded
/// by <see cref="LocalBytes"/>): a burst on one page then costs no Redis round trip per request. That is safe because
/// freshness rests on the key, not on eviction (README.md): a key an instance still holds in memory names the same answer
/// Redis holds under it.
/// </summary>
internal sealed partial class ResilientOutputCacheStore(IOutputCacheStore redis, RedisConnection connection, ILogger<ResilientOutputCacheStore> logger)
    : IOutputCacheStore, IDisposable
{
    /// <summary>How long an instance keeps an entry in memory: it may so outlive its Redis expiry by this much at most.</summary>
    public static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(1);

    /// <summary>Memory for the entries kept locally (their bodies' bytes).</summary>
    public const long LocalBytes = 64L * 1024 * 1024;

    private readonly Microsoft.Extensions.Caching.Memory.MemoryCache _local = new(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions { SizeLimit = LocalBytes });

    public void Dispose() => _local.Dispose();

    /// <summary>Replaces the registered store (Redis's, registered by AddStackExchangeRedisOutputCache) by this guard around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new ResilientOutputCacheStore(
            registered.ImplementationFactory is { } factory ? (IOutputCacheStore)factory(provider)
                : registered.ImplementationInstance as IOutputCacheStore ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            provider.GetRequiredService<RedisConnection>(),
            provider.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!Available())
        {
            return null;
        }

        if (_local.TryGetValue(key, out byte[]? kept))
        {
            return kept;
        }

        try
        {
            var found = await redis.GetAsync(key, cancellationToken).AsTask().WaitAsync(RedisWait, cancellationToken);
            if (found is not null)
            {
                KeepLocally(key, found, LocalLifetime);
            }

            return found;
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            LogFault(e, "read");
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!Available())
        {
            return;
        }

        KeepLocally(key, value, validFor < LocalLifetime ? validFor : LocalLifetime);
        try
        {
            await redis.SetAsync(key, value, tags, validFor, cancellationToken).AsTask().WaitAsync(RedisWait, cancellationToken);
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            LogFault(e, "write");
        }
    }

    /// <summary>Evicts, or throws when Redis is not connected or the call fails: the eviction follower keeps the tag and retries.</summary>
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!Available())
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected; the eviction waits for it.");
        }

        await redis.EvictByTagAsync(tag, cancellationToken);
    }

    /// <summary>
    /// The longest a request waits on Redis: a read or a store not done by then is a miss or skipped (the store itself
    /// goes on in the background). Redis answers in well under a millisecond; only a Redis going away takes longer,
    /// and its client's own timeout (seconds) is not a wait a reader should see.
    /// </summary>
    public static readonly TimeSpan RedisWait = TimeSpan.FromMilliseconds(100);

    private void KeepLocally(string key, byte[] value, TimeSpan lifetime)
    {
        using var entry = _local.CreateEntry(key);
        entry.Value = value;
        entry.Size = value.Length;
        entry.AbsoluteExpirationRelativeToNow = lifetime;
    }

    private int _connectStarted;

    /// <summary>Whether Redis is connected now; the first call starts the connection in the background (the multiplexer does not fail while Redis is down).</summary>
    private bool Available()
    {
        if (connection.Current is not null)
        {
            return true;
        }

        if (Interlocked.Exchange(ref _connectStarted, 1) == 0)
        {
            _ = ConnectAsync();
        }

        return false;
    }

    private async Task ConnectAsync()
    {
        try
        {
            await connection.GetAsync(CancellationToken.None);
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            LogFault(e, "connection");
        }
    }

    private static bool IsRedisFault(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;

    [LoggerMessage(EventId = 2950, Level = LogLevel.Warning, Message = "Output cache: Redis {Operation} failed; the page is rendered without the cache")]
    private partial void LogFault(Exception exception, string operation);
}
