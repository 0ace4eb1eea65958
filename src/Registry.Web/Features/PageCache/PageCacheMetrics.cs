using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// Hits, misses, answers not cached, evictions and failed evictions per family, and the age of answers served from the
/// cache: as .NET metrics (meter <c>Registry.PageCache</c>, for an OpenTelemetry or dotnet-counters reader) and as
/// totals since start for <c>/api/cache/stats</c>.
/// </summary>
public sealed class PageCacheMetrics
{
    public const string MeterName = "Registry.PageCache";

    private readonly ConcurrentDictionary<string, FamilyTotals> _totals = new(StringComparer.Ordinal);
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _bypassed;
    private readonly Counter<long> _evictions;
    private readonly Counter<long> _evictionFailures;
    private readonly Histogram<double> _ages;

    public PageCacheMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _hits = meter.CreateCounter<long>("registry.page_cache.hits", description: "Answers served from the cache.");
        _misses = meter.CreateCounter<long>("registry.page_cache.misses", description: "Cacheable answers rendered because none was cached.");
        _bypassed = meter.CreateCounter<long>("registry.page_cache.bypassed", description: "Answers rendered without the cache because a key mark could not be trusted.");
        _evictions = meter.CreateCounter<long>("registry.page_cache.evictions", description: "Tags evicted after a change.");
        _evictionFailures = meter.CreateCounter<long>("registry.page_cache.eviction_failures", description: "Tag evictions that failed (retried later).");
        _ages = meter.CreateHistogram<double>("registry.page_cache.served_age", unit: "s", description: "Age of the answers served from the cache.");
    }

    public void Hit(PageCacheFamily family) => Count(_hits, family.Name, t => Interlocked.Increment(ref t.Hits));

    public void Miss(PageCacheFamily family) => Count(_misses, family.Name, t => Interlocked.Increment(ref t.Misses));

    public void Bypassed(PageCacheFamily family) => Count(_bypassed, family.Name, t => Interlocked.Increment(ref t.Bypassed));

    public void Evicted(string tag) => Count(_evictions, FamilyOf(tag), t => Interlocked.Increment(ref t.Evictions));

    public void EvictionFailed(string tag) => Count(_evictionFailures, FamilyOf(tag), t => Interlocked.Increment(ref t.EvictionFailures));

    public void ServedAge(PageCacheFamily family, TimeSpan age)
    {
        _ages.Record(age.TotalSeconds, new KeyValuePair<string, object?>("family", family.Name));
        var totals = Totals(family.Name);
        Interlocked.Add(ref totals.AgeSecondsSum, (long)age.TotalSeconds);
        InterlockedMax(ref totals.AgeSecondsMax, (long)age.TotalSeconds);
    }

    /// <summary>Totals since start, by family.</summary>
    public IReadOnlyDictionary<string, FamilyStats> Snapshot() => _totals.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(
        p => p.Key,
        p => new FamilyStats(
            Volatile.Read(ref p.Value.Hits), Volatile.Read(ref p.Value.Misses), Volatile.Read(ref p.Value.Bypassed),
            Volatile.Read(ref p.Value.Evictions), Volatile.Read(ref p.Value.EvictionFailures),
            p.Value.Hits == 0 ? 0 : (double)Volatile.Read(ref p.Value.AgeSecondsSum) / Volatile.Read(ref p.Value.Hits),
            Volatile.Read(ref p.Value.AgeSecondsMax)),
        StringComparer.Ordinal);

    /// <summary>A tag's family: the part before the colon (<c>certificate:…</c>), or the whole tag (<c>search</c>).</summary>
    public static string FamilyOf(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var colon = tag.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? tag : tag[..colon];
    }

    private void Count(Counter<long> counter, string family, Action<FamilyTotals> total)
    {
        counter.Add(1, new KeyValuePair<string, object?>("family", family));
        total(Totals(family));
    }

    private FamilyTotals Totals(string family) => _totals.GetOrAdd(family, _ => new FamilyTotals());

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    private sealed class FamilyTotals
    {
        public long Hits;
        public long Misses;
        public long Bypassed;
        public long Evictions;
        public long EvictionFailures;
        public long AgeSecondsSum;
        public long AgeSecondsMax;
    }
}

/// <summary>One family's totals since start; ages of answers served from the cache, in seconds (the Age header's unit).</summary>
public sealed record FamilyStats(long Hits, long Misses, long Bypassed, long Evictions, long EvictionFailures, double MeanServedAgeSeconds, long MaxServedAgeSeconds);
