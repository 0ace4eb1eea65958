using System.Diagnostics;

namespace Registry.Benchmarks.Verification;

public sealed record Throughput(string Path, int Workers, long Verifications, long Failures, TimeSpan Elapsed, TimeSpan ProcessCpu)
{
    public double PerSecond => Verifications / Elapsed.TotalSeconds;

    /// <summary>Verifications per second of CPU this process used: the per-core figure, whatever else shares the machine.</summary>
    public double PerCpuSecond => ProcessCpu > TimeSpan.Zero ? Verifications / ProcessCpu.TotalSeconds : 0;
}

/// <summary>
/// Verifications per second for a fixed time, with one worker (one core's worth of this process) and with as
/// many workers as cores. A verification that does not come out GENUINE and VALID counts as a failure.
/// </summary>
public static class ThroughputRun
{
    public static async Task<Throughput> RunAsync(VerificationPaths paths, string path, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        await RunForAsync(paths, path, workers, TimeSpan.FromSeconds(1), cancellationToken); // warm-up
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var (done, failed) = await RunForAsync(paths, path, workers, duration, cancellationToken);
        var elapsed = watch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new Throughput(path, workers, done, failed, elapsed, cpu);
    }

    private static async Task<(long Done, long Failed)> RunForAsync(VerificationPaths paths, string path, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        long done = 0, failed = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
            {
                var ok = await paths.RunAsync(path, cancellationToken);
                Interlocked.Increment(ref done);
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }, cancellationToken)));
        return (done, failed);
    }
}
