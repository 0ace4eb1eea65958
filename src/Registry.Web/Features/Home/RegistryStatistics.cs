using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Registry.Domain.Lifecycle;
using Registry.Domain.Time;
using Registry.Web.Data;

namespace Registry.Web.Features.Home;

public sealed record StatusCount(CertificateStatus Status, string Level, int Count);

/// <summary>Counts of certificates by status and level, as of today.</summary>
public sealed class RegistryStatistics(RegistryDbContext db, TimeProvider clock, IMemoryCache cache)
{
    private static readonly object CacheKey = new();
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    // One recount at a time: at a million rows a recount takes a few hundred milliseconds, and every
    // request that found the counts stale would otherwise run its own.
    private static readonly SemaphoreSlim Recount = new(1, 1);

    public async Task<IReadOnlyList<StatusCount>> CountAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = cache.Get<Snapshot>(CacheKey);
        if (known is not null && now - known.TakenAt < MaxAge)
        {
            return known.Counts;
        }

        // Someone is already recounting: a few seconds' old counts are fine meanwhile.
        if (known is not null && !await Recount.WaitAsync(0, cancellationToken))
        {
            return known.Counts;
        }

        if (known is null)
        {
            await Recount.WaitAsync(cancellationToken);
        }

        try
        {
            known = cache.Get<Snapshot>(CacheKey);
            if (known is not null && clock.GetUtcNow() - known.TakenAt < MaxAge)
            {
                return known.Counts;
            }

            var counts = await CountNowAsync(cancellationToken);
            cache.Set(CacheKey, new Snapshot(counts, clock.GetUtcNow()));
            return counts;
        }
        finally
        {
            Recount.Release();
        }
    }

    private async Task<IReadOnlyList<StatusCount>> CountNowAsync(CancellationToken cancellationToken)
    {
        var today = RegistryCalendar.Today(clock);
        var rows = await db.Certificates.AsNoTracking()
            .GroupBy(c => new
            {
                c.Standing,
                Lapsed = (c.Standing == CertificateStanding.Valid || c.Standing == CertificateStanding.Suspended) && c.ExpiresOn < today,
                c.Level,
            })
            .Select(g => new { g.Key.Standing, g.Key.Lapsed, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StatusCount(r.Standing.Status(r.Lapsed), r.Level, r.Count)).ToList();
    }

    private sealed record Snapshot(IReadOnlyList<StatusCount> Counts, DateTimeOffset TakenAt);
}
