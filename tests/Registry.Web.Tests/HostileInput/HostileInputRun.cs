using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Registry.Web.Tests.HostileInput;

/// <summary>The rows that could change in the registry, counted in the database, and what the answers said they changed.</summary>
public sealed record RegistryCounts(long StatusEvents, long Certificates, long Organisations, long SigningKeys, long QrPrints)
{
    public static async Task<RegistryCounts> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM status_events), (SELECT count(*) FROM certificates), (SELECT count(*) FROM organisations), " +
            "(SELECT count(*) FROM signing_keys), (SELECT count(*) FROM qr_prints)");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new RegistryCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}

/// <summary>
/// Sends the hostile requests and checks every answer: no 5xx, no stack trace or exception text, and every change in
/// the database accounted for by an answer that said it made it (a 200 for a single change, the applied rows of a
/// bulk request, a mutation's change). Counts per target, for the report.
/// </summary>
public sealed class HostileInputRun(Func<HttpClient> client, HostileRequests requests)
{
    private readonly ConcurrentDictionary<string, int> _perTarget = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _perStatus = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private long _claimedEvents;
    private long _claimedCertificates;
    private long _claimedKeys;
    private long _claimedSerials;
    private long _sent;

    public IReadOnlyDictionary<string, int> PerTarget => _perTarget;

    public IReadOnlyDictionary<int, int> PerStatus => _perStatus;

    public IReadOnlyCollection<string> Failures => _failures;

    public long Sent => Interlocked.Read(ref _sent);

    public TimeSpan Elapsed { get; private set; }

    public RegistryCounts Claimed(RegistryCounts before) => before with
    {
        StatusEvents = before.StatusEvents + _claimedEvents,
        Certificates = before.Certificates + _claimedCertificates,
        SigningKeys = before.SigningKeys + _claimedKeys,
        QrPrints = before.QrPrints + _claimedSerials,
    };

    public async Task RunAsync(int total, int workers, int seed)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var values = new HostileValues(seed + w);
            using var http = client();
            while (Interlocked.Increment(ref _sent) <= total)
            {
                await SendAsync(http, requests.Next(values));
            }
        })));
        Interlocked.Exchange(ref _sent, total);
        Elapsed = clock.Elapsed;
    }

    private async Task SendAsync(HttpClient http, HostileRequest request)
    {
        _perTarget.AddOrUpdate(request.Target, 1, (_, n) => n + 1);
        var described = $"{request.Message.Method} {Clip(request.Message.RequestUri?.ToString() ?? string.Empty)}";
        string body;
        HttpStatusCode status;
        bool replayed;
        try
        {
            using var response = await http.SendAsync(request.Message);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
            replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var flags) && flags.Contains("true");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            // The test host refuses some addresses itself (a NUL in a path) before the site sees them; Kestrel answers 400.
            _perStatus.AddOrUpdate(0, 1, (_, n) => n + 1);
            return;
        }
        finally
        {
            request.Message.Dispose();
        }

        _perStatus.AddOrUpdate((int)status, 1, (_, n) => n + 1);
        if ((int)status >= 500)
        {
            _failures.Enqueue($"{(int)status} for {request.Target}: {described} → {Clip(body)}");
        }
        else if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
        {
            _failures.Enqueue($"exception text for {request.Target}: {described} → {Clip(body)}");
        }

        // A replay repeats the first answer and changes nothing now.
        if (status == HttpStatusCode.OK && !replayed)
        {
            CountClaims(request.Target, body);
        }
    }

    /// <summary>What a successful answer says it changed.</summary>
    private void CountClaims(string target, string body)
    {
        if (target == "POST /api/publishing/certificates")
        {
            Interlocked.Increment(ref _claimedEvents);
            Interlocked.Increment(ref _claimedCertificates);
        }
        else if (target == "POST /api/publishing/certificates/{number}/{operation}")
        {
            Interlocked.Increment(ref _claimedEvents);
        }
        else if (target == "POST /api/publishing/certificates/{number}/qr")
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("medium").GetString() != "Certificate")
            {
                Interlocked.Add(ref _claimedSerials, json.RootElement.GetProperty("codes").GetArrayLength());
            }
        }
        else if (target == "POST /api/publishing/signing-keys/rotate")
        {
            Interlocked.Increment(ref _claimedKeys);
        }
        else if (target == "POST /api/publishing/bulk")
        {
            using var json = JsonDocument.Parse(body);
            CountBulk(json.RootElement.GetProperty("results"));
        }
        else if (target.StartsWith("GraphQL ", StringComparison.Ordinal) && body.TrimStart().StartsWith('{'))
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in data.EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object))
                {
                    CountMutation(field.Name, field.Value);
                }
            }
        }
    }

    private void CountMutation(string field, JsonElement payload)
    {
        if (payload.TryGetProperty("replayed", out var replayed) && replayed.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (payload.TryGetProperty("change", out var change) && change.ValueKind == JsonValueKind.Object)
        {
            Interlocked.Increment(ref _claimedEvents);
            if (field == "issueCertificate")
            {
                Interlocked.Increment(ref _claimedCertificates);
            }
        }

        if (payload.TryGetProperty("rotation", out var rotation) && rotation.ValueKind == JsonValueKind.Object)
        {
            Interlocked.Increment(ref _claimedKeys);
        }

        if (payload.TryGetProperty("qr", out var qr) && qr.ValueKind == JsonValueKind.Object && qr.GetProperty("medium").GetString() != "Certificate")
        {
            Interlocked.Add(ref _claimedSerials, qr.GetProperty("codes").GetArrayLength());
        }

        if (payload.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            CountBulk(results);
        }
    }

    private void CountBulk(JsonElement results)
    {
        foreach (var row in results.EnumerateArray())
        {
            var applied = row.TryGetProperty("outcome", out var outcome) ? outcome.GetString() == "applied"
                : row.TryGetProperty("applied", out var flag) && flag.GetBoolean();
            if (applied && !(row.TryGetProperty("replayed", out var again) && again.GetBoolean()))
            {
                Interlocked.Increment(ref _claimedEvents);
                if (row.TryGetProperty("operation", out var operation) && operation.GetString() is "issue" or "ISSUE")
                {
                    Interlocked.Increment(ref _claimedCertificates);
                }
            }
        }
    }

    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{Sent} requests in {Elapsed.TotalSeconds:F1} s, {_failures.Count} failures");
        report.AppendLine("status: " + string.Join(", ", _perStatus.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "refused by the test host" : p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))} ×{p.Value}")));
        foreach (var (target, count) in _perTarget.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{count,8}  {target}");
        }

        return report.ToString();
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
