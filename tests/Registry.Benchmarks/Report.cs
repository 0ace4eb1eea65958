using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Registry.Benchmarks;

/// <summary>The closing summary, as markdown: setup figures, the per-query latency table, targets, phases, plans.</summary>
public sealed class Report
{
    private const double TargetP99Ms = 10;
    private const double TargetPartialRatio = 10;

    private readonly StringBuilder _text = new();

    public required BenchOptions Options { get; init; }

    public required DatabaseReport Database { get; init; }

    public required IndexReport Index { get; init; }

    public required MemoryReport MemoryAfterQueries { get; init; }

    public required IReadOnlyList<LatencySeries> Series { get; init; }

    public required IReadOnlyList<PhaseSeries> Phases { get; init; }

    public required LatencySeries LiveStatus { get; init; }

    public required IReadOnlyDictionary<BenchKind, string> Plans { get; init; }

    public required TimeSpan SamplingTime { get; init; }

    public Summary? BenchmarkDotNet { get; set; }

    public IReadOnlyList<VariantTiming> Diagnosis { get; init; } = [];

    public IReadOnlyList<DirectoryTiming> Directories { get; init; } = [];

    public FreshnessFigures? Freshness { get; init; }

    public string LoadAverageAtEnd { get; set; } = MachineLoad.LoadAverage();

    public required TimeSpan Elapsed { get; set; }

    public string Render()
    {
        _text.Clear();
        Line($"# Search benchmark: {Database.Certificates:N0} certificates");
        Line();
        Line($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, PostgreSQL {Database.ServerVersion} " +
             $"(shared_buffers {Database.SharedBuffers}, work_mem {Database.WorkMem}), database `{Database.Database}` " +
             $"({Database.Certificates:N0} certificates, {Database.Organisations:N0} organisations, {Mb(Database.DatabaseSizeBytes)} on disk). Whole run {Elapsed.TotalMinutes:0.0} min.");
        Line();
        Line("## Setup");
        Line();
        Line("| what | figure |");
        Line("|---|---|");
        Line(Index.Built
            ? $"| Lucene index build (IndexRebuilder, {Index.Documents:N0} documents) | **{Index.BuildTime!.Value.TotalSeconds:0.0} s** |"
            : $"| Lucene index build | reused an existing generation (`--reuse-index`); run without it to time a build |");
        Line($"| Lucene index on disk | {Mb(Index.SizeBytes)} in {Index.Segments} segment(s) |");
        Line($"| Lucene index open | {Index.OpenTime.TotalMilliseconds:0} ms |");
        Line($"| process memory after opening | GC heap {Mb(Index.MemoryAfterOpen.ManagedHeapBytes)} live ({Mb(Index.MemoryAfterOpen.GcHeapSizeBytes)} heap), working set {Mb(Index.MemoryAfterOpen.WorkingSetBytes)}, private {Mb(Index.MemoryAfterOpen.PrivateBytes)} (before opening: GC heap {Mb(Index.MemoryBeforeOpen.ManagedHeapBytes)}, working set {Mb(Index.MemoryBeforeOpen.WorkingSetBytes)}) |");
        Line($"| process memory after all timed queries | GC heap {Mb(MemoryAfterQueries.ManagedHeapBytes)} live ({Mb(MemoryAfterQueries.GcHeapSizeBytes)} heap), working set {Mb(MemoryAfterQueries.WorkingSetBytes)} (the index is memory-mapped: its pages count in the working set and are shared with the page cache) |");
        foreach (var trgm in Database.TrigramIndexes)
        {
            Line(trgm.CreationTime is { } took
                ? $"| pg_trgm GIN index `{trgm.Name}` on {trgm.Definition}: creation | **{took.TotalSeconds:0.0} s**, {Mb(trgm.SizeBytes)} |"
                : $"| pg_trgm GIN index `{trgm.Name}` on {trgm.Definition} | already present ({Mb(trgm.SizeBytes)}); `--recreate-trgm` times its creation again |");
        }

        Line($"| query sets | {Options.Samples:N0} certificates drawn by id with seed {Options.Seed}, one query of each kind derived from each, in {SamplingTime.TotalSeconds:0.0} s |");
        Line();
        Line("## Latency per query (Stopwatch around every query, after warm-up; single client)");
        Line();
        Line("*Lucene pure* = SearchService minus the PostgreSQL re-read of the page (query building, one collecting pass for the top 20 and facet counts, loading the 20 stored records, marking names). " +
             "*Lucene full* = `SearchService.SearchAsync` as the site calls it (adds `LiveStatus`, one PostgreSQL round trip). " +
             "*pg_trgm* = the same question in SQL (see below), one round trip. n = timed queries; ratio = pg_trgm's time ÷ this engine's time (above 1: Lucene is faster).");
        Line();
        Line("| kind | engine | n | p50 ms | p99 ms | max ms | median hits | ratio at p99 | ratio at p50 | on-CPU p50 / p99 ms | CPU pressure | GCs (0/1/2) |");
        Line("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var kind in Enum.GetValues<BenchKind>())
        {
            var pg = Get(kind, Engine.PgTrgm);
            foreach (var engine in Enum.GetValues<Engine>())
            {
                var s = Get(kind, engine);
                var ratio = engine == Engine.PgTrgm ? string.Empty : $"{pg.P99 / s.P99:0.0}×";
                var ratio50 = engine == Engine.PgTrgm ? string.Empty : $"{pg.P50 / s.P50:0.0}×";
                var note = s.StoppedByBudget ? " (time budget)" : string.Empty;
                var onCpu = s.OnCpuMilliseconds is { } c ? $"{LatencySeries.Percentile(c, 0.5):0.00} / {LatencySeries.Percentile(c, 0.99):0.00}" : string.Empty;
                var pressure = s.Context?.CpuStallShare is { } p ? $"{p:P0}" : "?";
                var gcs = s.Context is { } x ? $"{x.Gen0}/{x.Gen1}/{x.Gen2}" : string.Empty;
                Line($"| {KindLabel(kind)} | {EngineLabel(engine)} | {s.Count:N0}{note} | {s.P50:0.00} | {s.P99:0.00} | {s.Max:0.00} | {s.MedianHits:N0} | {ratio} | {ratio50} | {onCpu} | {pressure} | {gcs} |");
            }

            if (kind == BenchKind.Partial3)
            {
                foreach (var engine in Enum.GetValues<Engine>())
                {
                    var (p50, p99) = (PartialMix(engine, 0.5), PartialMix(engine, 0.99));
                    var ratio = engine == Engine.PgTrgm ? string.Empty : $"{PartialMix(Engine.PgTrgm, 0.99) / p99:0.0}×";
                    var ratio50 = engine == Engine.PgTrgm ? string.Empty : $"{PartialMix(Engine.PgTrgm, 0.5) / p50:0.0}×";
                    Line($"| **partial name, as typed: 2 and 3 chars equally often** | {EngineLabel(engine)} | (both above) | {p50:0.00} | {p99:0.00} |  |  | {ratio} | {ratio50} |  |  |  |");
                }
            }
        }

        Line();
        Line("*on-CPU* (pure path only): each query's wall time minus the time its thread sat runnable waiting for a core that another " +
             "process held (/proc/thread-self/schedstat), i.e. the latency with a core to itself. *CPU pressure*: share of the series' " +
             "wall time in which some task on the machine waited for a CPU (/proc/pressure/cpu); well above 0 % means other processes " +
             $"competed for the 2 cores and the wall-clock tails include their share. Load average at the end of the run: {LoadAverageAtEnd}.");
        Line();
        Line($"`LiveStatus` alone (re-reading a 20-record page from PostgreSQL): p50 {LiveStatus.P50:0.00} ms, p99 {LiveStatus.P99:0.00} ms over {LiveStatus.Count:N0} pages.");
        Line();
        Line("## Targets");
        Line();
        Line("| target | result | verdict |");
        Line("|---|---|---|");
        foreach (var kind in Enum.GetValues<BenchKind>())
        {
            var full = Get(kind, Engine.LuceneFull);
            var pure = Get(kind, Engine.LucenePure);
            var onCpu = pure.OnCpuMilliseconds is { } c ? $", pure on-CPU {LatencySeries.Percentile(c, 0.99):0.00} ms" : string.Empty;
            var fixedVariant = Directories.Where(d => d.Kind == kind && d.Variant is DirectoryDiagnosis.NioFs or DirectoryDiagnosis.NioFsCachedBitSet)
                .MinBy(d => d.P99);
            var projected = fixedVariant is null ? string.Empty : $"; pure with the fixes below {fixedVariant.P99:0.00} ms ({fixedVariant.Variant})";
            Line($"| {KindLabel(kind)}: p99 < {TargetP99Ms} ms | full {full.P99:0.00} ms, pure {pure.P99:0.00} ms{onCpu}{projected} | {Verdict(full.P99 < TargetP99Ms)} |");
        }

        var (pgMix, luceneMix) = (PartialMix(Engine.PgTrgm, 0.99), PartialMix(Engine.LuceneFull, 0.99));
        Line($"| **partial names** (the issue's kind; 2 and 3 chars equally often): ≥ {TargetPartialRatio}× faster than pg_trgm at p99 | " +
             $"{pgMix / luceneMix:0.0}× (pg_trgm {pgMix:0.00} ms, Lucene full {luceneMix:0.00} ms) | {Verdict(pgMix / luceneMix >= TargetPartialRatio)} |");
        foreach (var kind in new[] { BenchKind.Partial2, BenchKind.Partial3 })
        {
            var pg = Get(kind, Engine.PgTrgm).P99;
            var ratio = pg / Get(kind, Engine.LuceneFull).P99;
            // A search that re-reads its page from PostgreSQL cannot beat pg_trgm by more than pg_trgm's time over that re-read's.
            var ceiling = pg / LiveStatus.P99;
            var note = ratio >= TargetPartialRatio
                ? string.Empty
                : $"; ceiling {ceiling:0.0}×: pg_trgm p99 {pg:0.00} ms ÷ the `LiveStatus` re-read alone, p99 {LiveStatus.P99:0.00} ms";
            Line($"| of which {KindLabel(kind)} alone: ≥ {TargetPartialRatio}× faster than pg_trgm at p99 | {ratio:0.0}×{note} | {Verdict(ratio >= TargetPartialRatio)} |");
        }

        Line();
        if (Freshness is { SearchableMs.Count: > 0 } fresh)
        {
            double[] searchable = [.. fresh.SearchableMs];
            double[] publish = [.. fresh.PublishMs];
            Line("## Publish → searchable");
            Line();
            Line($"The site's `IndexFollower` on this replica ({Index.Documents:N0} documents), woken by NOTIFY: {fresh.Certificates} certificates suspended and then " +
                 "reinstated through `CertificatePublisher`, one change at a time with 400 ms between, each timed from the publish call until a search of the " +
                 "index itself (not the `LiveStatus` re-read, which shows it at once) returns the new standing.");
            Line();
            double[] afterCommit = [.. fresh.AfterCommitMs];
            Line("| measured from | changes | p50 ms | p90 ms | max ms | target | verdict |");
            Line("|---|--:|--:|--:|--:|---|---|");
            Line($"| the start of the publish call | {searchable.Length} | {Figures(searchable)} | within a second | {Verdict(searchable.Max() < 1000)} |");
            Line($"| the publish call's return (committed) | {afterCommit.Length} | {Figures(afterCommit)} | within a second | {Verdict(afterCommit.Max() < 1000)} |");
            Line($"| (the publish call itself) | {publish.Length} | {Figures(publish)} |  |  |");
            Line();
            Line("The first certificate's two changes warm the publisher up (EF's model, JIT) and are not counted.");
            Line();
        }

        Line("## Where Lucene's time goes (pure path, per phase)");
        Line();
        Line("| kind | build query p50/p99 ms | collect (top 20 + facets) p50/p99 ms | load 20 stored records p50/p99 ms | mark names p50/p99 ms | allocated per query: build / collect / load |");
        Line("|---|--:|--:|--:|--:|--:|");
        foreach (var phase in Phases)
        {
            var (b, c, f) = phase.AllocatedBytes;
            Line($"| {KindLabel(phase.Kind)} | {Pair(phase.Build)} | {Pair(phase.Collect)} | {Pair(phase.Fetch)} | {Pair(phase.Highlight)} | {Kb((long)b)} / {Kb((long)c)} / {Kb((long)f)} |");
        }

        Line();
        Line("The slowest queries of each kind (pure path, on-CPU ms of each of their runs): slow in every run means slow by itself, " +
             "slow in one run means it was interrupted (a garbage collection, another process).");
        Line();
        Line("| kind | query | hits | on-CPU ms per run | GC pause ms during each run |");
        Line("|---|---|--:|---|---|");
        foreach (var phase in Phases)
        {
            foreach (var (text, hits, times, pauses) in phase.Slowest.Take(4))
            {
                Line($"| {KindLabel(phase.Kind)} | {text} | {hits:N0} | {Join(times)} | {Join(pauses)} |");
            }
        }

        Line();
        Line("| kind | queries paused by a GC | GC pause p50 / max ms (those queries) | p99 ms of the queries without a GC pause |");
        Line("|---|--:|--:|--:|");
        foreach (var s in Series.Where(s => s.GcPauseMs is not null))
        {
            var pauses = s.GcPauseMs!.Where(p => p > 0).ToArray();
            var clean = s.Milliseconds.Where((_, i) => s.GcPauseMs![i] == 0).ToArray();
            Line($"| {KindLabel(s.Kind)} | {s.GcHitShare:P1} | {(pauses.Length > 0 ? $"{LatencySeries.Percentile(pauses, 0.5):0.00} / {pauses.Max():0.00}" : "-")} | {LatencySeries.Percentile(clean, 0.99):0.00} |");
        }

        if (Diagnosis.Count > 0)
        {
            Line();
            Line("## Filtered searches taken apart (collecting pass only, one piece changed at a time)");
            Line();
            Line("| variant | p50 ms | p99 ms | on-CPU p50 / p99 ms | median hits |");
            Line("|---|--:|--:|--:|--:|");
            foreach (var v in Diagnosis)
            {
                Line($"| {v.Variant} | {v.P50:0.00} | {v.P99:0.00} | {v.OnCpuP50:0.00} / {v.OnCpuP99:0.00} | {v.MedianHits:N0} |");
            }
        }

        if (Directories.Count > 0)
        {
            Line();
            Line("## Garbage-collection pauses by Lucene Directory implementation (same index files, pure path, same queries)");
            Line();
            Line("| directory | kind | p50 ms | p99 ms | queries paused by a GC | GC pause p50 / max ms | p99 without a GC pause | gen0 GCs | CPU pressure |");
            Line("|---|---|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var d in Directories)
            {
                Line($"| {d.Variant} | {KindLabel(d.Kind)} | {d.P50:0.00} | {d.P99:0.00} | {d.GcHitShare:P1} | {d.GcPauseP50:0.00} / {d.GcPauseMax:0.00} | {d.P99WithoutGc:0.00} | {d.Gen0} | {(d.CpuPressure is { } p ? p.ToString("P0", CultureInfo.InvariantCulture) : "?")} |");
            }
        }

        if (BenchmarkDotNet is { } summary)
        {
            Line();
            Line("## BenchmarkDotNet (in-process, 3 warm-up + 10 iterations of 250 ms, each invocation the next query of the set)");
            Line();
            Line("Statistics here are over iteration means, so P95 is not a per-query percentile; see the table above for those.");
            Line();
            Line("| benchmark | mean ms | P50 ms | P95 ms | allocated/op | ratio to pg_trgm (mean) |");
            Line("|---|--:|--:|--:|--:|--:|");
            var baselines = summary.Reports
                .Where(r => r.BenchmarkCase.Descriptor.Baseline && r.ResultStatistics is not null)
                .ToDictionary(r => r.BenchmarkCase.Descriptor.Categories.First(), r => r.ResultStatistics!.Mean);
            foreach (var report in summary.Reports)
            {
                var stats = report.ResultStatistics;
                var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
                if (stats is null)
                {
                    Line($"| {name} | failed | | | | |");
                    continue;
                }

                var category = report.BenchmarkCase.Descriptor.Categories.First();
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                var ratio = report.BenchmarkCase.Descriptor.Baseline ? "1" : $"{stats.Mean / baselines.GetValueOrDefault(category, double.NaN):0.000}";
                Line($"| {name} | {stats.Mean / 1e6:0.000} | {stats.Percentiles.P50 / 1e6:0.000} | {stats.Percentiles.P95 / 1e6:0.000} | {(allocated is { } a ? Kb(a) : "?")} | {ratio} |");
            }
        }

        Line();
        Line("## The SQL side");
        Line();
        Line("PostgreSQL gets the same questions the way a team without a search engine would ask them: `=` and `LIKE '%…%'` on " +
             "`organisations.legal_name_zh` with a pg_trgm GIN index, `ORDER BY similarity()` for the page of 20, `count(*) OVER ()` for the total, " +
             "numbers folded in code (IdentifierText, as the site does) and looked up with the existing unique index, and one statement with a " +
             "materialised CTE for the filtered search, its page and the counts per status, level, body and province. It searches legal names only " +
             "(Lucene also searches former names, English names and scopes, so it does more work per query). pg_trgm cannot use its index for a " +
             "search string shorter than 3 characters (no trigram fits), so 2-character partials scan organisations; that is a property of the alternative.");
        Line();
        foreach (var (kind, plan) in Plans)
        {
            Line($"{KindLabel(kind)}, plan of the first query:");
            Line();
            Line("```");
            Line(plan);
            Line("```");
            Line();
        }

        return _text.ToString();
    }

    private LatencySeries Get(BenchKind kind, Engine engine) => Series.Single(s => s.Kind == kind && s.Engine == engine);

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Pair(LatencySeries s) => $"{s.P50:0.000} / {s.P99:0.000}";

    public static string KindLabel(BenchKind kind) => kind switch
    {
        BenchKind.Name => "name (whole legal name)",
        BenchKind.Partial2 => "partial name, 2 chars",
        BenchKind.Partial3 => "partial name, 3 chars",
        BenchKind.Number => "certificate number (retyped)",
        BenchKind.Filtered => "filtered + facets",
        _ => kind.ToString(),
    };

    private static string EngineLabel(Engine engine) => engine switch
    {
        Engine.LucenePure => "Lucene pure",
        Engine.LuceneFull => "Lucene full",
        Engine.PgTrgm => "pg_trgm",
        _ => engine.ToString(),
    };

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("N1", CultureInfo.InvariantCulture) + " KB";

    private static string Figures(double[] values) =>
        $"{LatencySeries.Percentile(values, 0.5):0.0} | {LatencySeries.Percentile(values, 0.9):0.0} | {values.Max():0.0}";

    /// <summary>A percentile of the partial-name workload as typed: the 2- and 3-character queries asked equally often.</summary>
    private double PartialMix(Engine engine, double p) =>
        LatencySeries.EvenMixPercentile(Get(BenchKind.Partial2, engine).Milliseconds, Get(BenchKind.Partial3, engine).Milliseconds, p);

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));

    private void Line(string text = "") => _text.Append(text).Append('\n');
}
