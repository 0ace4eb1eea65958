using System.Diagnostics;
using Spectre.Console;

namespace Registry.Web.Features.DemoData;

/// <summary>
/// Shows how far a load has come: a live progress bar on an interactive console, and plain periodic lines
/// ("seeded 100000/1000000 certificates (12.3 s)") when output goes to a file or a CI log.
/// </summary>
internal abstract class DemoProgress
{
    /// <summary>Runs <paramref name="work"/>, giving it a callback for the number of certificates written so far.</summary>
    public abstract Task<T> RunAsync<T>(long total, Func<Action<long>, Task<T>> work);

    public static DemoProgress For(TextWriter output, bool interactive) =>
        interactive ? new Bar() : new Lines(output);

    /// <summary>Whether the real console can show a live bar.</summary>
    public static bool ConsoleIsInteractive =>
        !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private sealed class Bar : DemoProgress
    {
        public override Task<T> RunAsync<T>(long total, Func<Action<long>, Task<T>> work) =>
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(
                    new TaskDescriptionColumn(),
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new ElapsedTimeColumn(),
                    new RemainingTimeColumn(),
                    new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Seeding demo certificates", maxValue: total);
                    var result = await work(done => task.Value = done);
                    task.Value = total;
                    task.StopTask();
                    return result;
                });
    }

    /// <summary>A line at every tenth of the way, at least every ten seconds, and at the end.</summary>
    private sealed class Lines(TextWriter output) : DemoProgress
    {
        private static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(10);

        public override async Task<T> RunAsync<T>(long total, Func<Action<long>, Task<T>> work)
        {
            var stopwatch = Stopwatch.StartNew();
            var step = Math.Max(1, total / 10);
            long lastShown = 0;
            var lastShownAt = TimeSpan.Zero;
            var result = await work(done =>
            {
                var elapsed = stopwatch.Elapsed;
                if (done - lastShown < step && elapsed - lastShownAt < MaxSilence && done < total)
                {
                    return;
                }

                lastShown = done;
                lastShownAt = elapsed;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"seeded {done}/{total} certificates ({elapsed.TotalSeconds:0.0} s)"));
            });
            return result;
        }
    }
}
