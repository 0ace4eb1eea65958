using Microsoft.Extensions.Caching.Memory;

namespace Registry.Web.Features.Home;

public sealed record StatusCount(CertificateStatus Status, string Level, int Count);

/// <summary>Counts of one certification body's certificates.</summary>
public sealed record BodyStatusCount(long BodyId, CertificateStatus Status, string Level, int Count);

/// <summary>
/// Counts of certificates by status and level, as of today, for the registry and for each body (one query serves both). The counts are kept until the outbox moves on
/// or the day changes, so a published change shows on the next view; a late commit that took a lower
/// outbox number than one already counted is caught by <see cref="MaxAge"/>.
/// </summary>
public sealed class RegistryStatistics(RegistryDbContext db, TimeProvider clock, IMemoryCache cache)
{
    private static readonly object CacheKey = new();
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    // One recount at a time: at a million rows a recount takes a few hundred milliseconds, and every
    // request that found the counts stale would otherwise run its own.
    private static readonly SemaphoreSlim Recount = new(1, 1);

    public async Task<IReadOnlyList<StatusCount>> CountAsync(CancellationToken cancellationToken) => (await SnapshotAsync(cancellationToken)).Counts;

    public async Task<IReadOnlyList<BodyStatusCount>> CountByBodyAsync(CancellationToken cancellationToken) => (await SnapshotAsync(cancellationToken)).ByBody;

    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var outboxEnd = await OutboxEndAsync(cancellationToken);
        var known = cache.Get<Snapshot>(CacheKey);
        if (known is not null && IsCurrent(known, outboxEnd))
        {
            return known;
        }

        // Someone is already recounting: counts a moment old are fine meanwhile.
        if (known is not null && !await Recount.WaitAsync(0, cancellationToken))
        {
            return known;
        }

        if (known is null)
        {
            await Recount.WaitAsync(cancellationToken);
        }

        try
        {
            known = cache.Get<Snapshot>(CacheKey);
            if (known is not null && IsCurrent(known, outboxEnd))
            {
                return known;
            }

            // The outbox end is read before counting, so the counts hold at least every change up to it.
            var byBody = await CountNowAsync(cancellationToken);
            var counts = byBody.GroupBy(c => (c.Status, c.Level)).Select(g => new StatusCount(g.Key.Status, g.Key.Level, g.Sum(c => c.Count))).ToList();
            var snapshot = new Snapshot(counts, byBody, outboxEnd, RegistryCalendar.Today(clock), clock.GetUtcNow());
            cache.Set(CacheKey, snapshot);
            return snapshot;
        }
        finally
        {
            Recount.Release();
        }
    }

    private bool IsCurrent(Snapshot snapshot, long outboxEnd) =>
        snapshot.OutboxEnd >= outboxEnd
        && snapshot.Day == RegistryCalendar.Today(clock)
        && clock.GetUtcNow() - snapshot.TakenAt < MaxAge;

    private async Task<long> OutboxEndAsync(CancellationToken cancellationToken) =>
        await db.Outbox.MaxAsync(o => (long?)o.Sequence, cancellationToken) ?? 0;

    private async Task<IReadOnlyList<BodyStatusCount>> CountNowAsync(CancellationToken cancellationToken)
    {
        var today = RegistryCalendar.Today(clock);
        var rows = await db.Certificates.AsNoTracking()
            .GroupBy(c => new
            {
                c.BodyId,
                c.Standing,
                Lapsed = (c.Standing == CertificateStanding.Valid || c.Standing == CertificateStanding.Suspended) && c.ExpiresOn < today,
                c.Level,
            })
            .Select(g => new { g.Key.BodyId, g.Key.Standing, g.Key.Lapsed, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new BodyStatusCount(r.BodyId, r.Standing.Status(r.Lapsed), r.Level, r.Count)).ToList();
    }

    private sealed record Snapshot(IReadOnlyList<StatusCount> Counts, IReadOnlyList<BodyStatusCount> ByBody, long OutboxEnd, DateOnly Day, DateTimeOffset TakenAt);
}
