using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace Registry.Web.Features.RateLimits;

/// <summary>
/// One partition's limiter, counted in Redis so that every instance shares the count (RedisRateLimiting's Lua
/// scripts), and in this process while Redis cannot be reached: then each instance enforces the same limit on its
/// own, which is looser by the number of instances but never none. A Redis call that does not answer within
/// <see cref="RedisWait"/> counts as unreachable, so a slow Redis slows no request by more than that.
/// </summary>
internal sealed class SharedRateLimiter(Func<IConnectionMultiplexer?> redis, Func<IConnectionMultiplexer, RateLimiter> createShared, RateLimiter local)
    : RateLimiter
{
    private static readonly TimeSpan RedisWait = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private RateLimiter? _shared;
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
            try
            {
                var lease = await Shared(multiplexer).AcquireAsync(permitCount, cancellationToken).AsTask().WaitAsync(RedisWait, cancellationToken);
                CountingLocally = false;
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

        public override bool IsAcquired => acquired;

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
