using System.Globalization;

namespace Registry.Benchmarks;

/// <summary>
/// How busy the machine was: on a shared 2-core machine, other processes' CPU use shows up as latency.
/// Linux only; every reading is null where the kernel does not offer it.
/// </summary>
public static class MachineLoad
{
    /// <summary>
    /// The calling thread's time on a CPU and time spent runnable but waiting for one, in nanoseconds
    /// (/proc/thread-self/schedstat). The wait is time a query lost to other processes, not work it did.
    /// </summary>
    public static (long RunNs, long WaitNs)? ThreadSchedule()
    {
        try
        {
            var parts = File.ReadAllText("/proc/thread-self/schedstat").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Total microseconds in which at least one task waited for a CPU (/proc/pressure/cpu, "some").</summary>
    public static long? CpuStallMicroseconds()
    {
        try
        {
            var some = File.ReadLines("/proc/pressure/cpu").First(l => l.StartsWith("some", StringComparison.Ordinal));
            var total = some.Split(' ').First(p => p.StartsWith("total=", StringComparison.Ordinal));
            return long.Parse(total["total=".Length..], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}

/// <summary>What the machine and the GC did while one series ran.</summary>
public sealed record SeriesContext(double? CpuStallShare, string LoadAverageAfter, int Gen0, int Gen1, int Gen2, double GcPauseMs)
{
    public static Func<SeriesContext> Start()
    {
        var started = DateTime.UtcNow;
        var stall = MachineLoad.CpuStallMicroseconds();
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var pause = GC.GetTotalPauseDuration();
        return () =>
        {
            var wall = (DateTime.UtcNow - started).TotalMicroseconds;
            double? share = stall is { } before && MachineLoad.CpuStallMicroseconds() is { } after && wall > 0 ? (after - before) / wall : null;
            return new SeriesContext(
                share,
                MachineLoad.LoadAverage(),
                GC.CollectionCount(0) - g0,
                GC.CollectionCount(1) - g1,
                GC.CollectionCount(2) - g2,
                (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
        };
    }
}
