using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Registry.Benchmarks;

/// <summary>
/// BenchmarkDotNet in this process (the index, caches and pools the setup opened stay open), short: 3 warm-up
/// and 10 iterations of 250 ms per benchmark, with allocations.
/// </summary>
public static class InProcessConfig
{
    public static IConfig Create(string artifactsPath, TimeUnit unit, params IColumn[] columns) =>
        ManualConfig.CreateEmpty()
            .AddJob(new Job("InProcess")
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(250)))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(columns)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifactsPath)
            .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(unit))
            .WithOptions(ConfigOptions.DisableLogFile);
}
