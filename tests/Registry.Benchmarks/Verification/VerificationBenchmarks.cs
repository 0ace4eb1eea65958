using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace Registry.Benchmarks.Verification;

/// <summary>
/// One verification per invocation, in this process (keys, cache and connection pool stay warm), rotating
/// through the signed codes. PostgreSQL per scan is the baseline, so Ratio reads "share of a fresh read's time".
/// </summary>
public class VerificationBenchmarks
{
    public static VerificationPaths? Paths { get; set; }

    private VerificationPaths _paths = null!;

    [GlobalSetup]
    public void Setup() => _paths = Paths ?? throw new InvalidOperationException("Run through Program: the setup signs codes and starts the cache.");

    [Benchmark]
    public Task<bool> SignatureOnly() => _paths.RunAsync(VerificationPaths.SignatureOnly, CancellationToken.None);

    [Benchmark]
    public Task<bool> SiteWithCache() => _paths.RunAsync(VerificationPaths.Cached, CancellationToken.None);

    [Benchmark(Baseline = true)]
    public Task<bool> PostgresPerScan() => _paths.RunAsync(VerificationPaths.Postgres, CancellationToken.None);

    public static Summary Run(string artifactsPath)
    {
        var config = InProcessConfig.Create(artifactsPath, TimeUnit.Microsecond, StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.OperationsPerSecond);
        return BenchmarkRunner.Run<VerificationBenchmarks>(config);
    }
}
