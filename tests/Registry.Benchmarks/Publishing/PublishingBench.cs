using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Registry.Benchmarks.Publishing;

/// <summary>
/// `Registry.Benchmarks publish`: changes per second through a running site's publishing API, one bulk request
/// against the alternative a body would otherwise use, one request per change (sequential and concurrent).
/// </summary>
public static class PublishingBench
{
    public const string Usage = """
        Registry.Benchmarks publish: changes per second through the publishing API of a running site.

          --url URL          the site (default http://127.0.0.1:8089)
          --rows N           rows in each bulk request (default 10000)
          --singles N        single-change requests per series (default 1000)
          --concurrency N    parallel callers in the concurrent series (default 4)
          --out FILE         the summary (markdown; default artifacts/bench/bench-publish.md)

        The API key is read from the environment variable REGISTRY_BENCH_API_KEY (never from the command line).
        The site's per-key rate limit must be lifted (ops/bench-publish does it): singles would otherwise be refused.
        """;

    private const string CsvHeader = "operation,number,expected_version,effective_on,reason,level,total_score,scope_zh,scope_en,issued_on,organisation_credit_code,organisation_name_zh";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var url = "http://127.0.0.1:8089";
        int rows = 10_000, singles = 1000, concurrency = 4;
        var output = Path.Combine("artifacts", "bench", "bench-publish.md");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Count: url = args[++i]; break;
                case "--rows" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out rows) && rows is > 0 and <= 10_000: i++; break;
                case "--singles" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out singles) && singles > 0: i++; break;
                case "--concurrency" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out concurrency) && concurrency > 0: i++; break;
                case "--out" when i + 1 < args.Count: output = args[++i]; break;
                case "--help" or "-h": Console.WriteLine(Usage); return 0;
                default:
                    await Console.Error.WriteLineAsync($"Unknown or incomplete option '{args[i]}'.\n{Usage}");
                    return 2;
            }
        }

        if (Environment.GetEnvironmentVariable("REGISTRY_BENCH_API_KEY") is not { Length: > 0 } token)
        {
            await Console.Error.WriteLineAsync("REGISTRY_BENCH_API_KEY is not set.");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var run = new Workload(http, $"PB{DateTime.UtcNow:MMddHHmmss}");

        Console.WriteLine("== Warming up (200 bulk rows, 200 single requests)");
        await run.BulkIssueAsync("W", 200, cancellationToken);
        await run.SinglesAsync("V", 200, 1, cancellationToken);

        var results = new List<Series>();
        Console.WriteLine($"== Bulk: {rows:N0} issue rows in one request, then {rows:N0} suspend rows");
        var issue = await run.BulkIssueAsync("B", rows, cancellationToken);
        results.Add(issue);
        results.Add(await run.BulkSuspendAsync(issue.Numbers, cancellationToken));
        Console.WriteLine($"== Singles: {singles:N0} issue requests one after another, then with {concurrency} callers");
        results.Add(await run.SinglesAsync("S", singles, 1, cancellationToken));
        results.Add(await run.SinglesAsync("C", singles, concurrency, cancellationToken));
        foreach (var s in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.PerSecond,8:N0} changes/s  {s.MillisecondsPerChange,6:0.00} ms per change  {s.Name} ({s.Applied:N0} applied, {s.Failed:N0} not)"));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, Render(rows, singles, concurrency, results), cancellationToken);
        Console.WriteLine($"Summary written to {Path.GetFullPath(output)}");
        return results.All(r => r.Failed == 0) ? 0 : 1;
    }

    private static string Render(int rows, int singles, int concurrency, IReadOnlyList<Series> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Publishing benchmark: {rows:N0}-row bulk requests against {singles:N0} single requests");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; site (Release), PostgreSQL and this client on the same machine.");
        text.AppendLine("Every change is a full publishing operation: authorised, checked by the rules, audited, written with its outbox row, in its own transaction.");
        text.AppendLine();
        text.AppendLine("| series | changes | wall time s | changes/s | ms per change | p50 / p99 ms per request | not applied |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|");
        foreach (var s in results)
        {
            var latency = s.RequestMilliseconds.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{LatencySeries.Percentile(s.RequestMilliseconds, 0.5):0.00} / {LatencySeries.Percentile(s.RequestMilliseconds, 0.99):0.00}")
                : "one request";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {s.Applied + s.Failed:N0} | {s.Elapsed.TotalSeconds:0.0} | {s.PerSecond:N0} | {s.MillisecondsPerChange:0.00} | {latency} | {s.Failed:N0} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Concurrency of the last series: {concurrency} callers. The per-key rate limit was lifted for the run.");
        text.AppendLine("With the default limit (120 requests a minute per key) single requests are held to 2 changes a second, while one bulk request carries up to 10,000.");
        return text.ToString();
    }

    private sealed record Series(string Name, TimeSpan Elapsed, int Applied, int Failed, IReadOnlyList<double> RequestMilliseconds, IReadOnlyList<string> Numbers)
    {
        public double PerSecond => (Applied + Failed) / Elapsed.TotalSeconds;

        public double MillisecondsPerChange => Elapsed.TotalMilliseconds / Math.Max(1, Applied + Failed);
    }

    /// <summary>Issues certificates with numbers unique to this run, to demo-free organisations made up on the fly.</summary>
    private sealed class Workload(HttpClient http, string prefix)
    {
        private static readonly string IssuedOn = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private int _organisations;

        public async Task<Series> BulkIssueAsync(string series, int count, CancellationToken cancellationToken)
        {
            var numbers = Enumerable.Range(0, count).Select(i => Number(series, i)).ToList();
            var csv = new StringBuilder(CsvHeader).Append('\n');
            foreach (var number in numbers)
            {
                var (code, name) = NextOrganisation();
                csv.Append(string.Create(CultureInfo.InvariantCulture, $"issue,{number},,,,four-star,92,家用电器的销售及维修服务,,{IssuedOn},{code},{name}\n"));
            }

            return await BulkAsync($"bulk: {count:N0} issues in one request", csv.ToString(), numbers, cancellationToken);
        }

        public async Task<Series> BulkSuspendAsync(IReadOnlyList<string> numbers, CancellationToken cancellationToken)
        {
            var csv = new StringBuilder(CsvHeader).Append('\n');
            foreach (var number in numbers)
            {
                csv.Append(string.Create(CultureInfo.InvariantCulture, $"suspend,{number},,{Today},Benchmark: surveillance audit overdue,,,,,,,\n"));
            }

            return await BulkAsync($"bulk: {numbers.Count:N0} suspensions in one request", csv.ToString(), numbers, cancellationToken);
        }

        public async Task<Series> SinglesAsync(string series, int count, int callers, CancellationToken cancellationToken)
        {
            var latencies = new double[count];
            var failed = 0;
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var (code, name) = NextOrganisation();
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsJsonAsync("/api/publishing/certificates", new
                    {
                        number = Number(series, i), organisationCreditCode = code, organisationNameZh = name,
                        level = "four-star", totalScore = 92, scopeZh = "家用电器的销售及维修服务", issuedOn = IssuedOn,
                    }, cancellationToken);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }));
            var name = callers == 1 ? $"singles: {count:N0} issue requests, one after another" : $"singles: {count:N0} issue requests, {callers} callers";
            return new Series(name, clock.Elapsed, count - failed, failed, latencies, []);
        }

        private async Task<Series> BulkAsync(string name, string csv, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync("/api/publishing/bulk", new StringContent(csv, Encoding.UTF8, "text/csv"), cancellationToken);
            var elapsed = clock.Elapsed;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The bulk request failed with {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
            }

            using var answer = JsonDocument.Parse(body);
            var applied = answer.RootElement.GetProperty("applied").GetInt32();
            return new Series(name, elapsed, applied, numbers.Count - applied, [elapsed.TotalMilliseconds], numbers);
        }

        private string Number(string series, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{series}{i:D6}");

        /// <summary>A fresh holder for every certificate: a valid credit code (GB 32100 check character) and a marked name.</summary>
        private (string Code, string Name) NextOrganisation()
        {
            var n = Interlocked.Increment(ref _organisations);
            // Nine registration characters in the code's own alphabet, from the run's start time and a counter.
            var value = (DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond % 100_000_000) * 1_000_000 + n;
            var registration = new char[9];
            for (var i = 8; i >= 0; i--)
            {
                registration[i] = CodeAlphabet[(int)(value % CodeAlphabet.Length)];
                value /= CodeAlphabet.Length;
            }

            var first17 = "91330106" + new string(registration);
            return (first17 + Registry.Domain.Identifiers.CreditCode.CheckCharacter(first17),
                string.Create(CultureInfo.InvariantCulture, $"杭州压测{n}号电器有限公司（演示）"));
        }
    }
}
