using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Registry.Web.Features.Search.Querying;

namespace Registry.Benchmarks;

/// <summary>What the benchmarks run against: opened once by the setup, shared with BenchmarkDotNet's in-process run.</summary>
public sealed record BenchState(LuceneSearch Lucene, SearchService Service, PgTrgmSearch Pg, QuerySets Sets)
{
    public static BenchState? Current { get; set; }
}

/// <summary>
/// BenchmarkDotNet's view: each invocation runs the next query of the kind's set (so an iteration averages over
/// many different queries), with allocations per search. pg_trgm is each category's baseline, so the Ratio column
/// reads "Lucene's mean time as a share of PostgreSQL's".
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SearchBenchmarks
{
    private BenchState _state = null!;
    private int _next;

    [GlobalSetup]
    public void Setup() => _state = BenchState.Current ?? throw new InvalidOperationException("Run through Program: the setup opens the index and the database.");

    [Benchmark(Baseline = true), BenchmarkCategory("1 name")]
    public Task<SqlResult> NamePgTrgm() => Pg(BenchKind.Name);

    [Benchmark, BenchmarkCategory("1 name")]
    public PureResult NameLucenePure() => Pure(BenchKind.Name);

    [Benchmark, BenchmarkCategory("1 name")]
    public Task<SearchOutcome> NameLuceneFull() => Full(BenchKind.Name);

    [Benchmark(Baseline = true), BenchmarkCategory("2 partial, 2 chars")]
    public Task<SqlResult> Partial2PgTrgm() => Pg(BenchKind.Partial2);

    [Benchmark, BenchmarkCategory("2 partial, 2 chars")]
    public PureResult Partial2LucenePure() => Pure(BenchKind.Partial2);

    [Benchmark, BenchmarkCategory("2 partial, 2 chars")]
    public Task<SearchOutcome> Partial2LuceneFull() => Full(BenchKind.Partial2);

    [Benchmark(Baseline = true), BenchmarkCategory("3 partial, 3 chars")]
    public Task<SqlResult> Partial3PgTrgm() => Pg(BenchKind.Partial3);

    [Benchmark, BenchmarkCategory("3 partial, 3 chars")]
    public PureResult Partial3LucenePure() => Pure(BenchKind.Partial3);

    [Benchmark, BenchmarkCategory("3 partial, 3 chars")]
    public Task<SearchOutcome> Partial3LuceneFull() => Full(BenchKind.Partial3);

    [Benchmark(Baseline = true), BenchmarkCategory("4 number")]
    public Task<SqlResult> NumberPgTrgm() => Pg(BenchKind.Number);

    [Benchmark, BenchmarkCategory("4 number")]
    public PureResult NumberLucenePure() => Pure(BenchKind.Number);

    [Benchmark, BenchmarkCategory("4 number")]
    public Task<SearchOutcome> NumberLuceneFull() => Full(BenchKind.Number);

    [Benchmark(Baseline = true), BenchmarkCategory("5 filtered + facets")]
    public Task<SqlResult> FilteredPgTrgm() => Pg(BenchKind.Filtered);

    [Benchmark, BenchmarkCategory("5 filtered + facets")]
    public PureResult FilteredLucenePure() => Pure(BenchKind.Filtered);

    [Benchmark, BenchmarkCategory("5 filtered + facets")]
    public Task<SearchOutcome> FilteredLuceneFull() => Full(BenchKind.Filtered);

    private BenchQuery Next(BenchKind kind)
    {
        var set = _state.Sets[kind];
        return set[(int)((uint)_next++ % (uint)set.Count)];
    }

    private PureResult Pure(BenchKind kind) => _state.Lucene.Search(Next(kind).Request);

    private Task<SearchOutcome> Full(BenchKind kind) => _state.Service.SearchAsync(Next(kind).Request, CancellationToken.None);

    private Task<SqlResult> Pg(BenchKind kind) => _state.Pg.SearchAsync(Next(kind), CancellationToken.None);

    /// <summary>In this process (the index and pools stay open), few iterations: the whole part takes about two minutes.</summary>
    public static Summary Run(string artifactsPath)
    {
        var config = InProcessConfig.Create(artifactsPath, TimeUnit.Millisecond, StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        return BenchmarkRunner.Run<SearchBenchmarks>(config);
    }
}
