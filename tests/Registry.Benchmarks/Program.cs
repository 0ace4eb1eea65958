using System.Diagnostics;
using Npgsql;
using Registry.Benchmarks;
using Registry.Benchmarks.Verification;
using Registry.Web.Features.Search.Querying;

// The commands that talk to a running site or its services stop cleanly on Ctrl+C.
if (args is [var command, ..] && Commands(command) is { } runCommand)
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return await runCommand(args[1..], stop.Token);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var cancellationToken = cancellation.Token;
var run = Stopwatch.StartNew();

await using var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString).Build();
var clock = TimeProvider.System;

Console.WriteLine("== PostgreSQL: pg_trgm and its GIN index");
var database = await PostgresSetup.EnsureAsync(dataSource, options.RecreateTrigram, cancellationToken);
Console.WriteLine($"  {database.Database}: {database.Certificates:N0} certificates, {database.Organisations:N0} organisations");

Console.WriteLine("== Lucene: the benchmark's index replica");
var (replica, index) = await LuceneSetup.OpenAsync(dataSource, options.IndexPath, options.ReuseIndex, cancellationToken);
using (replica)
{
    Console.WriteLine($"  {index.Documents:N0} documents, {index.SizeBytes / 1024.0 / 1024.0:N0} MB on disk, opened in {index.OpenTime.TotalMilliseconds:0} ms; " +
                      $"GC heap {index.MemoryAfterOpen.ManagedHeapBytes / 1024.0 / 1024.0:N0} MB, working set {index.MemoryAfterOpen.WorkingSetBytes / 1024.0 / 1024.0:N0} MB");

    Console.WriteLine($"== Query sets: {options.Samples:N0} certificates drawn with seed {options.Seed}");
    var sampling = Stopwatch.StartNew();
    var sets = await QuerySets.DrawAsync(dataSource, options.Samples, options.Seed, cancellationToken);
    sampling.Stop();
    foreach (var (kind, queries) in sets.Sets)
    {
        Console.WriteLine($"  {kind,-9} e.g. {string.Join(" | ", queries.Take(4).Select(q => q.Request.Text + (q.Province is { } p ? $" [Valid, {p}]" : string.Empty)))}");
    }

    var lucene = new LuceneSearch(replica, clock);
    var service = new SearchService(replica, dataSource, clock);
    var pg = new PgTrgmSearch(dataSource, clock);

    var plans = new Dictionary<BenchKind, string>();
    foreach (var kind in Enum.GetValues<BenchKind>())
    {
        plans[kind] = await pg.ExplainAsync(sets[kind][0], cancellationToken);
    }

    Console.WriteLine($"== Latency per query: {options.LuceneRuns:N0} per kind for Lucene, up to {options.PgRuns:N0} or {options.PgBudget.TotalSeconds:0} s per kind for pg_trgm");
    var (series, phases, live) = await new LatencyRun(lucene, service, pg, options).RunAsync(sets, replica, dataSource, cancellationToken);
    var memoryAfterQueries = MemoryReport.Now();

    Console.WriteLine("== Filtered searches taken apart (collecting pass only)");
    var diagnosis = FilteredDiagnosis.Run(replica, sets[BenchKind.Filtered], clock, Math.Min(500, options.LuceneRuns));

    Console.WriteLine("== Garbage-collection pauses by Lucene Directory implementation (same index files, pure path)");
    var directories = DirectoryDiagnosis.Run(lucene, replica, index.Folder, sets, options.LuceneRuns);

    Console.WriteLine("== Publish → searchable: the site's follower on this replica, 25 certificates suspended and reinstated");
    var freshness = await FreshnessRun.RunAsync(dataSource, replica, options.IndexPath, 25, clock, cancellationToken);
    Console.WriteLine($"  {freshness.SearchableMs.Count} changes: p50 {LatencySeries.Percentile([.. freshness.SearchableMs], 0.5):0.0} ms, max {freshness.SearchableMs.Max():0.0} ms; after commit max {freshness.AfterCommitMs.Max():0.0} ms");

    var report = new Report
    {
        Freshness = freshness,
        Options = options,
        Database = database,
        Index = index,
        MemoryAfterQueries = memoryAfterQueries,
        Series = series,
        Phases = phases,
        LiveStatus = live,
        Plans = plans,
        Diagnosis = diagnosis,
        Directories = directories,
        SamplingTime = sampling.Elapsed,
        Elapsed = run.Elapsed,
    };
    var output = Path.GetFullPath(options.OutputFile);
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    // Written before BenchmarkDotNet runs too, so that the per-query figures survive if that part fails.
    await File.WriteAllTextAsync(output, report.Render(), cancellationToken);

    if (options.RunBenchmarkDotNet)
    {
        Console.WriteLine("== BenchmarkDotNet (in-process)");
        BenchState.Current = new BenchState(lucene, service, pg, sets);
        var artifacts = Path.Combine(Path.GetDirectoryName(output)!, "BenchmarkDotNet.Artifacts");
        report.BenchmarkDotNet = SearchBenchmarks.Run(artifacts);
        report.Elapsed = run.Elapsed;
        report.LoadAverageAtEnd = MachineLoad.LoadAverage();
    }

    var text = report.Render();
    await File.WriteAllTextAsync(output, text, cancellationToken);
    Console.WriteLine();
    Console.WriteLine(text);
    Console.WriteLine($"Summary written to {output}");
}

return 0;

static Func<IReadOnlyList<string>, CancellationToken, Task<int>>? Commands(string name) => name switch
{
    "verify" => VerificationBench.RunAsync,
    "publish" => Registry.Benchmarks.Publishing.PublishingBench.RunAsync,
    "staleness" => Registry.Benchmarks.PageCache.StalenessRun.RunAsync,
    _ => null,
};
