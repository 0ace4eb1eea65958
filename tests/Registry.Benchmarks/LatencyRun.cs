using System.Diagnostics;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Querying;

namespace Registry.Benchmarks;

public enum Engine
{
    /// <summary>Lucene as the site runs it, minus the PostgreSQL re-read of the page's statuses.</summary>
    LucenePure,

    /// <summary>The site's <see cref="SearchService.SearchAsync"/>: Lucene plus <see cref="LiveStatus"/>.</summary>
    LuceneFull,

    /// <summary>PostgreSQL with pg_trgm.</summary>
    PgTrgm,
}

/// <summary>Latencies of one engine on one query kind, one sample per query, in milliseconds.</summary>
public sealed record LatencySeries(BenchKind Kind, Engine Engine, double[] Milliseconds, int DistinctQueries, double MedianHits, double ZeroHitShare, bool StoppedByBudget)
{
    /// <summary>Per query, the time its thread waited for a CPU held by another process (pure path only).</summary>
    public double[]? RunQueueWaitMs { get; init; }

    /// <summary>Per query, how long the runtime was paused for garbage collection while it ran (pure path only).</summary>
    public double[]? GcPauseMs { get; init; }

    /// <summary>Share of the queries during which a garbage collection paused the runtime.</summary>
    public double? GcHitShare => GcPauseMs is { Length: > 0 } p ? p.Count(x => x > 0) / (double)p.Length : null;

    public SeriesContext? Context { get; init; }

    public int Count => Milliseconds.Length;

    public double P50 => Percentile(Milliseconds, 0.50);

    public double P99 => Percentile(Milliseconds, 0.99);

    public double Max => Milliseconds.Length == 0 ? double.NaN : Milliseconds.Max();

    /// <summary>Wall time minus run-queue wait: the latency with a core to itself.</summary>
    public double[]? OnCpuMilliseconds => RunQueueWaitMs is { } wait ? [.. Milliseconds.Select((m, i) => Math.Max(0, m - wait[i]))] : null;

    /// <summary>Share of the queries that waited more than a millisecond for a CPU.</summary>
    public double? DelayedShare => RunQueueWaitMs is { Length: > 0 } wait ? wait.Count(w => w > 1) / (double)wait.Length : null;

    /// <summary>Nearest-rank percentile over every timed query.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>
    /// Percentile of a workload that asks the queries of <paramref name="a"/> and <paramref name="b"/> equally often,
    /// whatever the number of timed queries in each (a series cut short by its time budget counts as much as a full one).
    /// </summary>
    public static double EvenMixPercentile(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b, double p)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return double.NaN;
        }

        var weighted = a.Select(v => (Value: v, Weight: 0.5 / a.Count)).Concat(b.Select(v => (Value: v, Weight: 0.5 / b.Count))).OrderBy(x => x.Value);
        var reached = 0.0;
        var last = double.NaN;
        foreach (var (value, weight) in weighted)
        {
            reached += weight;
            last = value;
            if (reached >= p - 1e-12)
            {
                return value;
            }
        }

        return last;
    }
}

/// <summary>Per-phase latencies of the pure Lucene path (to see which part dominates when a target is missed).</summary>
public sealed record PhaseSeries(BenchKind Kind, LatencySeries Build, LatencySeries Collect, LatencySeries Fetch, LatencySeries Highlight)
{
    /// <summary>Mean bytes allocated per query: building the query, collecting, loading the stored records.</summary>
    public (double Build, double Collect, double Fetch) AllocatedBytes { get; init; }

    /// <summary>
    /// The slowest queries on-CPU, each with the on-CPU times of all its runs: a query slow in every run is
    /// slow by itself; one slow in a single run was interrupted (GC, another process).
    /// </summary>
    public IReadOnlyList<(string Text, int Hits, double[] OnCpuMs, double[] GcPauseMs)> Slowest { get; init; } = [];
}

/// <summary>
/// The honest per-query figures: a Stopwatch around every single query, many different queries per kind,
/// after a warm-up, so p50 and p99 are over queries (BenchmarkDotNet's statistics are over iteration means).
/// </summary>
public sealed class LatencyRun(LuceneSearch lucene, SearchService service, PgTrgmSearch pg, BenchOptions options)
{
    private const int LuceneWarmup = 300;
    private const int PgWarmup = 10;
    private static readonly TimeSpan GlobalWarmup = TimeSpan.FromSeconds(4);

    public async Task<(IReadOnlyList<LatencySeries> Series, IReadOnlyList<PhaseSeries> Phases, LatencySeries LiveStatus)> RunAsync(
        QuerySets sets, SearchReplica replica, Npgsql.NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sets);
        await WarmUpAsync(sets, cancellationToken);
        var series = new List<LatencySeries>();
        var phases = new List<PhaseSeries>();
        foreach (var kind in Enum.GetValues<BenchKind>())
        {
            var queries = sets[kind];
            var (pure, phase) = MeasurePure(kind, queries);
            series.Add(pure);
            phases.Add(phase);
            Console.WriteLine(Line(pure));
            var full = await MeasureFullAsync(kind, queries, cancellationToken);
            series.Add(full);
            Console.WriteLine(Line(full));
            var sql = await MeasurePgAsync(kind, queries, cancellationToken);
            series.Add(sql);
            Console.WriteLine(Line(sql));
        }

        var live = await MeasureLiveStatusAsync(replica, dataSource, cancellationToken);
        Console.WriteLine($"  LiveStatus re-read of a 20-record page alone: p50 {live.P50:0.00} ms, p99 {live.P99:0.00} ms");
        return (series, phases, live);
    }

    /// <summary>
    /// A few seconds of every kind through both paths before any series is timed: tiered compilation replaces
    /// the first code of shared methods (analysis, scoring, collecting) in the background, and the first series
    /// timed would otherwise pay for it alone.
    /// </summary>
    private async Task WarmUpAsync(QuerySets sets, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        for (var i = 0; until.Elapsed < GlobalWarmup; i++)
        {
            foreach (var kind in Enum.GetValues<BenchKind>())
            {
                var queries = sets[kind];
                var request = queries[(i * 7919) % queries.Count].Request;
                lucene.Search(request);
                await service.SearchAsync(request, cancellationToken);
            }
        }
    }

    private static string Line(LatencySeries s) =>
        $"  {s.Kind,-9} {s.Engine,-10} n={s.Count,5}  p50 {s.P50,8:0.00} ms  p99 {s.P99,8:0.00} ms  max {s.Max,8:0.00} ms  median hits {s.MedianHits,8:0}" +
        (s.OnCpuMilliseconds is { } onCpu ? $"  on-CPU p99 {LatencySeries.Percentile(onCpu, 0.99):0.00} ms" : string.Empty) +
        (s.GcPauseMs is { } gc ? $"  GC pause in {s.GcHitShare:P1} of queries, max {gc.Max():0.0} ms" : string.Empty) +
        (s.Context?.CpuStallShare is { } stall ? $"  CPU pressure {stall:P0}" : string.Empty) +
        (s.StoppedByBudget ? "  (time budget reached)" : string.Empty);

    private (LatencySeries Total, PhaseSeries Phases) MeasurePure(BenchKind kind, IReadOnlyList<BenchQuery> queries)
    {
        for (var i = 0; i < LuceneWarmup; i++)
        {
            lucene.Search(queries[(i * 7919) % queries.Count].Request);
        }

        var runs = options.LuceneRuns;
        var context = SeriesContext.Start();
        var total = new double[runs];
        var waits = new double[runs];
        var pauses = new double[runs];
        var build = new double[runs];
        var collect = new double[runs];
        var fetch = new double[runs];
        var highlight = new double[runs];
        var hits = new List<double>(runs);
        double buildBytes = 0, collectBytes = 0, fetchBytes = 0;
        for (var i = 0; i < runs; i++)
        {
            // The search runs synchronously on this thread, so its schedule statistics are the query's.
            var before = MachineLoad.ThreadSchedule();
            var paused = GC.GetTotalPauseDuration();
            var start = Stopwatch.GetTimestamp();
            var result = lucene.Search(queries[i % queries.Count].Request, out var p);
            total[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            pauses[i] = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
            var after = MachineLoad.ThreadSchedule();
            waits[i] = before is { } b && after is { } a ? (a.WaitNs - b.WaitNs) / 1e6 : 0;
            (build[i], collect[i], fetch[i], highlight[i]) = (Ms(p.Build), Ms(p.Collect), Ms(p.Fetch), Ms(p.Highlight));
            (buildBytes, collectBytes, fetchBytes) = (buildBytes + p.BuildBytes, collectBytes + p.CollectBytes, fetchBytes + p.FetchBytes);
            hits.Add(result.TotalHits);
        }

        var distinct = Math.Min(runs, queries.Count);
        var ended = context();
        LatencySeries Of(double[] values) => new(kind, Engine.LucenePure, values, distinct, Median(hits), ZeroShare(hits), false);
        var series = Of(total) with { RunQueueWaitMs = waits, GcPauseMs = pauses, Context = ended };
        var onCpu = series.OnCpuMilliseconds!;
        var slowest = Enumerable.Range(0, runs)
            .GroupBy(i => i % queries.Count)
            .Select(g => (Query: queries[g.Key], Hits: (int)hits[g.First()], Times: g.Select(i => onCpu[i]).ToArray(), Pauses: g.Select(i => pauses[i]).ToArray()))
            .OrderByDescending(q => q.Times.Max())
            .Take(8)
            .Select(q => (q.Query.Request.Text ?? string.Empty, q.Hits, q.Times, q.Pauses))
            .ToList();
        return (series, new PhaseSeries(kind, Of(build), Of(collect), Of(fetch), Of(highlight))
        {
            AllocatedBytes = (buildBytes / runs, collectBytes / runs, fetchBytes / runs),
            Slowest = slowest,
        });
    }

    private async Task<LatencySeries> MeasureFullAsync(BenchKind kind, IReadOnlyList<BenchQuery> queries, CancellationToken cancellationToken)
    {
        for (var i = 0; i < LuceneWarmup; i++)
        {
            await service.SearchAsync(queries[(i * 7919) % queries.Count].Request, cancellationToken);
        }

        var runs = options.LuceneRuns;
        var context = SeriesContext.Start();
        var times = new double[runs];
        var hits = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await service.SearchAsync(queries[i % queries.Count].Request, cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            hits.Add(outcome.Results?.TotalHits ?? throw new InvalidOperationException("SearchService gave no results: " + string.Join("; ", outcome.Problems)));
        }

        return new LatencySeries(kind, Engine.LuceneFull, times, Math.Min(runs, queries.Count), Median(hits), ZeroShare(hits), false) { Context = context() };
    }

    private async Task<LatencySeries> MeasurePgAsync(BenchKind kind, IReadOnlyList<BenchQuery> queries, CancellationToken cancellationToken)
    {
        // Warm-up on queries from the far end of the set, which the timed loop (from the start) is unlikely to reach.
        for (var i = 0; i < PgWarmup; i++)
        {
            await pg.SearchAsync(queries[queries.Count - 1 - i], cancellationToken);
        }

        var context = SeriesContext.Start();
        var times = new List<double>(options.PgRuns);
        var hits = new List<double>(options.PgRuns);
        var budget = Stopwatch.StartNew();
        var stopped = false;
        for (var i = 0; i < options.PgRuns; i++)
        {
            if (budget.Elapsed > options.PgBudget)
            {
                stopped = true;
                break;
            }

            var start = Stopwatch.GetTimestamp();
            var result = await pg.SearchAsync(queries[i % queries.Count], cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            hits.Add(result.TotalHits);
        }

        return new LatencySeries(kind, Engine.PgTrgm, [.. times], Math.Min(times.Count, queries.Count), Median(hits), ZeroShare(hits), stopped) { Context = context() };
    }

    private async Task<LatencySeries> MeasureLiveStatusAsync(SearchReplica replica, Npgsql.NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // Pages of 20 real records, read from the index once, then re-read from PostgreSQL as SearchService does.
        var pages = new List<IReadOnlyList<SearchRecord>>();
        using (var lease = replica.Lease()!)
        {
            var maxDoc = lease.Searcher.IndexReader.MaxDoc;
            var random = new Random(options.Seed);
            for (var p = 0; p < 50; p++)
            {
                pages.Add([.. Enumerable.Range(0, PgTrgmSearch.PageSize).Select(_ => CertificateDocument.Read(lease.Searcher.Doc(random.Next(maxDoc))))]);
            }
        }

        for (var i = 0; i < 20; i++)
        {
            await LiveStatus.RefreshAsync(dataSource, pages[i % pages.Count], cancellationToken);
        }

        var times = new double[Math.Max(200, options.LuceneRuns / 4)];
        for (var i = 0; i < times.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await LiveStatus.RefreshAsync(dataSource, pages[i % pages.Count], cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return new LatencySeries(BenchKind.Name, Engine.LuceneFull, times, pages.Count, PgTrgmSearch.PageSize, 0, false);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Median(List<double> values) =>
        values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    private static double ZeroShare(List<double> values) =>
        values.Count == 0 ? double.NaN : values.Count(v => v == 0) / (double)values.Count;
}
