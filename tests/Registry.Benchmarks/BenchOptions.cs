using System.Globalization;

namespace Registry.Benchmarks;

/// <summary>Command-line options of the benchmark run (see <see cref="Usage"/>).</summary>
public sealed record BenchOptions
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres;Database=registry_million";

    public const string Usage = """
        Registry.Benchmarks: Lucene search against PostgreSQL pg_trgm on the same data, in one run.

          --index-path DIR    the benchmark's own index replica (default .data/bench-index)
          --reuse-index       reuse the current index generation in DIR instead of building a new one
          --recreate-trgm     drop and re-create the pg_trgm indexes, to time their creation again
          --samples N         distinct certificates sampled per query set (default 1000)
          --seed N            sampling seed (default 42)
          --lucene-runs N     timed queries per kind for each Lucene path (default 2000)
          --pg-runs N         at most this many timed queries per kind for PostgreSQL (default 1000)
          --pg-budget SEC     at most this many seconds per kind for PostgreSQL (default 20)
          --no-bdn            skip the BenchmarkDotNet part
          --out FILE          where the summary (markdown) is written (default artifacts/bench/summary.md)

        The database comes from ConnectionStrings__Registry (default: the registry_million database on 127.0.0.1:55432).
        """;

    public string ConnectionString { get; init; } = DefaultConnectionString;

    public string IndexPath { get; init; } = Path.Combine(".data", "bench-index");

    public bool ReuseIndex { get; init; }

    public bool RecreateTrigram { get; init; }

    public int Samples { get; init; } = 1000;

    public int Seed { get; init; } = 42;

    public int LuceneRuns { get; init; } = 2000;

    public int PgRuns { get; init; } = 1000;

    public TimeSpan PgBudget { get; init; } = TimeSpan.FromSeconds(20);

    public bool RunBenchmarkDotNet { get; init; } = true;

    public string OutputFile { get; init; } = Path.Combine("artifacts", "bench", "summary.md");

    public bool ShowHelp { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Registry") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : DefaultConnectionString,
        };

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number.");

            options = args[i] switch
            {
                "--index-path" => options with { IndexPath = Value() },
                "--reuse-index" => options with { ReuseIndex = true },
                "--recreate-trgm" => options with { RecreateTrigram = true },
                "--samples" => options with { Samples = Number() },
                "--seed" => options with { Seed = Number() },
                "--lucene-runs" => options with { LuceneRuns = Number() },
                "--pg-runs" => options with { PgRuns = Number() },
                "--pg-budget" => options with { PgBudget = TimeSpan.FromSeconds(Number()) },
                "--no-bdn" => options with { RunBenchmarkDotNet = false },
                "--out" => options with { OutputFile = Value() },
                "--help" or "-h" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        return options;
    }
}
