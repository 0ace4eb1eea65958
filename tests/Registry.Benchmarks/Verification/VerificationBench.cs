using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Registry.Benchmarks.Verification;

/// <summary>`Registry.Benchmarks verify`: verifications per second in-process, the site's path against the alternatives.</summary>
public static class VerificationBench
{
    public const string Usage = """
        Registry.Benchmarks verify: scans verified per second in this process (decode, signature, status look-up).

          --codes N         certificates to sign codes for, drawn evenly over the table (default 2000)
          --seconds N       timed seconds per path and worker count (default 10)
          --codes-file F    also write the signed links, one per line (for wrk on /api/verify)
          --no-bdn          skip the BenchmarkDotNet part
          --sign-only       only sign and write the codes file (ops/bench-http uses this)
          --out FILE        the summary (markdown; default artifacts/bench/verify.md)

        The database comes from ConnectionStrings__Registry; every body needs an active signing key
        (`keys ensure --all-bodies`) and Signing__KeyEncryptionKey must be set (ops/services env does both).
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var codes = 2000;
        var seconds = 10;
        string? codesFile = null;
        var bdn = true;
        var signOnly = false;
        var output = Path.Combine("artifacts", "bench", "verify.md");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--codes" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out codes) && codes > 0: i++; break;
                case "--seconds" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out seconds) && seconds > 0: i++; break;
                case "--codes-file" when i + 1 < args.Count: codesFile = args[++i]; break;
                case "--out" when i + 1 < args.Count: output = args[++i]; break;
                case "--no-bdn": bdn = false; break;
                case "--sign-only": signOnly = true; break;
                case "--help" or "-h": Console.WriteLine(Usage); return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown or incomplete option '{args[i]}'.\n{Usage}");
                    return 2;
            }
        }

        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Registry") is { Length: > 0 } cs ? cs : BenchOptions.DefaultConnectionString;
        Console.WriteLine($"== Signing codes for {codes:N0} valid certificates");
        await using var host = await VerificationHost.StartAsync(connectionString, codes, cancellationToken);
        Console.WriteLine($"  {host.Codes.Count:N0} codes, e.g. {host.Codes[0]}");
        if (codesFile is not null)
        {
            await File.WriteAllLinesAsync(codesFile, host.Codes, cancellationToken);
        }

        if (signOnly)
        {
            return codesFile is null ? 2 : 0;
        }

        var paths = new VerificationPaths(host);
        var results = new List<Throughput>();
        foreach (var path in paths.Names)
        {
            foreach (var workers in new[] { 1, Environment.ProcessorCount })
            {
                var result = await ThroughputRun.RunAsync(paths, path, workers, TimeSpan.FromSeconds(seconds), cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {result.PerSecond,9:N0}/s  {result.PerCpuSecond,9:N0} per CPU-second  {workers} worker(s)  {path}  ({result.Failures} not GENUINE VALID)"));
                results.Add(result);
            }
        }

        Summary? summary = null;
        if (bdn)
        {
            Console.WriteLine("== BenchmarkDotNet (in-process)");
            VerificationBenchmarks.Paths = paths;
            summary = VerificationBenchmarks.Run(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, "BenchmarkDotNet.Artifacts"));
        }

        var text = Render(results, host.Codes.Count, seconds, summary);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, text, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(text);
        return results.Any(r => r.Failures > 0) ? 1 : 0;
    }

    private static string Render(IReadOnlyList<Throughput> results, int codes, int seconds, Summary? summary)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"# Verification throughput: {codes:N0} signed codes, {seconds} s per row");
        text.AppendLine();
        text.Append(c, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, PostgreSQL on the same machine. ")
            .AppendLine("\"Per CPU-second\" divides by the CPU time this process used, so it is the per-core figure even when PostgreSQL (a separate process) takes the other core.");
        text.AppendLine();
        text.AppendLine("| path | workers | verifications/s | per CPU-second (per core) | not GENUINE VALID |");
        text.AppendLine("|---|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            text.AppendLine(c, $"| {r.Path} | {r.Workers} | {r.PerSecond:N0} | {r.PerCpuSecond:N0} | {r.Failures} |");
        }

        if (summary is not null)
        {
            text.AppendLine();
            text.AppendLine("## BenchmarkDotNet (one verification per invocation)");
            text.AppendLine();
            foreach (var report in summary.Reports)
            {
                if (report.ResultStatistics is { } stats)
                {
                    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
                    text.AppendLine(c, $"- {report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: mean {stats.Mean / 1000:0.0} µs, p95 {stats.Percentiles.P95 / 1000:0.0} µs → {1e9 / stats.Mean:N0} per second on one thread, {allocated:N0} B allocated");
                }
            }
        }

        return text.ToString();
    }
}
