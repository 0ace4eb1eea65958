using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Registry.Web.Features.RateLimits;

/// <summary>
/// One partition's limiter, counted in Redis so that every instance shares the count (RedisRateLimiting's Lua
/// scripts), and in this process while Redis cannot be reached: then each instance enforces the same limit on its
/// own, which is looser by the number of instances but never none. A Redis call that does not answer within
/// <see cref="RedisWait"/> counts as unreachable, so a slow Redis slows no request by more than that.
/// </summary>
/// <remarks>
/// A fixed window may take its permits from Redis <paramref name="chunk"/> at a time and hand them out here: one round
/// trip per chunk instead of per request, on the hottest paths. Redis counts a chunk as used when it is taken, so the
/// instances together never admit more than the limit; an instance may end a window holding up to chunk − 1 permits
/// it did not use, which only makes the limit stricter.
/// </remarks>
internal sealed class SharedRateLimiter(Func<IConnectionMultiplexer?> redis, Func<IConnectionMultiplexer, RateLimiter> createShared, RateLimiter local,
    int chunk = 1)
    : RateLimiter
{
    private static readonly TimeSpan RedisWait = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private int _allowance;
    private long _allowanceUntil;
    private RateLimiter? _shared;
    private Task<bool>? _refill;
    private IConnectionMultiplexer? _sharedOn;

    public override TimeSpan? IdleDuration => (_shared?.IdleDuration, local.IdleDuration) switch
    {
        ({ } shared, { } own) => shared < own ? shared : own,
        (null, var own) => own,
        _ => null,
    };

    /// <summary>True while the last decision was made in this process because Redis could not be reached.</summary>
    public bool CountingLocally { get; private set; }

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    // Redis is only asked asynchronously; a failed attempt sends the middleware to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        Connected() is null ? Local(permitCount) : Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (Connected() is { } multiplexer)
        {
            if (TakeAllowance(permitCount))
            {
                return Lease.Granted;
            }

            try
            {
                var shared = Shared(multiplexer);
                CountingLocally = false;
                if (chunk > permitCount)
                {
                    // Requests that find the allowance spent at the same moment wait for one chunk together: each
                    // taking its own would count many chunks as used in Redis and refuse callers well under the limit.
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        if (!await RefillAsync(shared).WaitAsync(RedisWait, cancellationToken))
                        {
                            break;
                        }

                        if (TakeAllowance(permitCount))
                        {
                            return Lease.Granted;
                        }
                    }
                }

                // No chunk left in this window (or none wanted): the last permits are taken one by one.
                var lease = await shared.AcquireAsync(permitCount, cancellationToken).AsTask().WaitAsync(RedisWait, cancellationToken);
                return Lease.From(lease);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Counted here instead, until Redis answers again.
            }
        }

        return Local(permitCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _shared?.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TakeAllowance(int permitCount)
    {
        lock (_gate)
        {
            if (_allowance < permitCount || Environment.TickCount64 >= _allowanceUntil)
            {
                return false;
            }

            _allowance -= permitCount;
            return true;
        }
    }

    /// <summary>
    /// The chunk being taken from Redis, shared by every request that asks meanwhile; true when it was granted (its
    /// permits are then the allowance), false when the window has no chunk left.
    /// </summary>
    private Task<bool> RefillAsync(RateLimiter shared)
    {
        lock (_gate)
        {
            if (_refill is { IsCompleted: false } running)
            {
                return running;
            }

            return _refill = TakeChunkAsync(shared);
        }
    }

    private async Task<bool> TakeChunkAsync(RateLimiter shared)
    {
        // Not the caller's token: the chunk serves every request waiting on it, whichever gives up.
        using var taken = await shared.AcquireAsync(chunk).AsTask().WaitAsync(RedisWait);
        if (taken.IsAcquired)
        {
            KeepAllowance(chunk, Lease.From(taken).RetryAfter);
        }

        return taken.IsAcquired;
    }

    /// <summary>Keeps a chunk until the window it was counted in ends (Redis says when, to the second).</summary>
    private void KeepAllowance(int permits, TimeSpan? windowLeft)
    {
        lock (_gate)
        {
            _allowance = permits;
            _allowanceUntil = Environment.TickCount64 + (long)(windowLeft ?? TimeSpan.FromSeconds(1)).TotalMilliseconds;
        }
    }

    private IConnectionMultiplexer? Connected() => redis() is { IsConnected: true } multiplexer ? multiplexer : null;

    private RateLimiter Shared(IConnectionMultiplexer multiplexer)
    {
        lock (_gate)
        {
            if (_shared is null || !ReferenceEquals(_sharedOn, multiplexer))
            {
                _shared?.Dispose();
                _shared = createShared(multiplexer);
                _sharedOn = multiplexer;
            }

            return _shared;
        }
    }

    private Lease Local(int permitCount)
    {
        CountingLocally = true;
        return Lease.From(local.AttemptAcquire(permitCount));
    }

    /// <summary>A lease that reports Retry-After as a TimeSpan whichever limiter decided (the Redis ones say seconds, as an int).</summary>
    private sealed class Lease(bool acquired, TimeSpan? retryAfter, RateLimitLease? inner) : RateLimitLease
    {
        public static Lease NotYet { get; } = new(false, null, null);

        public static Lease Granted { get; } = new(true, null, null);

        public override bool IsAcquired => acquired;

        public TimeSpan? RetryAfter => retryAfter;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public static Lease From(RateLimitLease lease)
        {
            TimeSpan? wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var span) ? span
                : lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(Math.Max(seconds, 1))
                : null;
            return new Lease(lease.IsAcquired, wait, lease);
        }

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name && retryAfter is { } wait)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
