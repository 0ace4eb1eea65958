using System.Globalization;
using System.Text.Json;
using Npgsql;
using Registry.Domain.Identifiers;
using Registry.Domain.Lifecycle;
using Registry.Signing.Payloads;

namespace Registry.Benchmarks.PageCache;

/// <summary>
/// `Registry.Benchmarks staleness`: how long a running site's cached answers keep the old status once a change commits.
/// Certificates whose signed codes are given are suspended and reinstated through the publisher (against the site's
/// database, as the publishing API would), one change at a time; after each commit both the cached scan answer
/// (<c>/api/verify</c>) and the cached certificate page are asked until they show the new status. Run it while wrk
/// loads the site (ops/bench-http does) to see the bound under load.
/// </summary>
public static class StalenessRun
{
    public const string Usage = """
        Registry.Benchmarks staleness: publish → no longer stale, over a running site's cached answers.

          --url URL          the site (default http://127.0.0.1:8089)
          --codes-file FILE  signed codes of valid certificates, one a line (as `verify --sign-only` writes them)
          --changes N        status changes to time, two per certificate (default 200)

        Publishes against the database in ConnectionStrings__Registry (the site's). Prints p50/p90/p99/max in ms.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var url = "http://127.0.0.1:8089";
        string? codesFile = null;
        var changes = 200;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--url" when i + 1 < args.Count: url = args[++i]; break;
                case "--codes-file" when i + 1 < args.Count: codesFile = args[++i]; break;
                case "--changes" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n >= 2: changes = n; i++; break;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Registry");
        if (codesFile is null || !File.Exists(codesFile) || string.IsNullOrEmpty(connection))
        {
            await Console.Error.WriteLineAsync("A codes file and ConnectionStrings__Registry are required.\n" + Usage);
            return 2;
        }

        await using var dataSource = NpgsqlDataSource.Create(connection);
        var codes = (await File.ReadAllLinesAsync(codesFile, cancellationToken)).Where(l => l.Length > 0).ToList();
        var payloads = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var payload = code[(code.LastIndexOf('/') + 1)..];
            if (PayloadText.TryDecode(payload, out var envelope, out _) && PayloadVerifier.TryPeekCertificateNumber(envelope, out var number)
                && CertificateNumber.TryNormalize(number, out var normalized, out _))
            {
                payloads.TryAdd(normalized, code);
            }
        }

        var picked = await CertificatesAsync(dataSource, [.. payloads.Keys], changes / 2 + 1, cancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        var figures = await FreshnessRun.ToggleEachAsync(dataSource, picked, TimeProvider.System, "the site's cached answers", async (certificate, expected) =>
        {
            var status = expected == CertificateStanding.Suspended ? "SUSPENDED" : "VALID";
            return await ScanShowsAsync(http, payloads[certificate.Number], status, cancellationToken)
                && await PageShowsAsync(http, certificate.Number, expected.ToString(), cancellationToken);
        }, cancellationToken, pause: TimeSpan.FromMilliseconds(100));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"STALENESS changes={figures.AfterCommitMs.Count} p50={LatencySeries.Percentile(figures.AfterCommitMs, 0.5):0.0} p90={LatencySeries.Percentile(figures.AfterCommitMs, 0.9):0.0} p99={LatencySeries.Percentile(figures.AfterCommitMs, 0.99):0.0} max={figures.AfterCommitMs.Max():0.0}"));
        return 0;
    }

    private static async Task<bool> ScanShowsAsync(HttpClient http, string code, string status, CancellationToken cancellationToken)
    {
        using var answer = await http.GetAsync(new Uri("/api/verify?payload=" + Uri.EscapeDataString(code), UriKind.Relative), cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            return false;
        }

        using var json = await JsonDocument.ParseAsync(await answer.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return json.RootElement.TryGetProperty("status", out var shown) && shown.GetString() == status;
    }

    private static async Task<bool> PageShowsAsync(HttpClient http, string number, string status, CancellationToken cancellationToken)
    {
        var html = await http.GetStringAsync(new Uri("/certificates/" + Uri.EscapeDataString(number), UriKind.Relative), cancellationToken);
        return html.Contains($"data-testid=\"status\" data-status=\"{status}\"", StringComparison.Ordinal);
    }

    private static async Task<List<(long Id, string Number, long BodyId)>> CertificatesAsync(NpgsqlDataSource dataSource, string[] numbers, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, normalized_number, body_id FROM certificates WHERE normalized_number = ANY(@numbers) AND standing = 'Valid' ORDER BY id LIMIT @limit");
        command.Parameters.AddWithValue("numbers", numbers);
        command.Parameters.AddWithValue("limit", limit);
        return await FreshnessRun.ReadPickedAsync(command, cancellationToken);
    }
}
