using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.QrCodes;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.Site;

/// <summary>
/// The real PostgreSQL stops under a running site and starts again: every page and API answers 503 with Retry-After
/// within a second (a problem for programs, the friendly page for people), never a 500; a scan of a certificate the
/// site has in memory still answers, saying the status is from memory and how old; and once PostgreSQL is back,
/// everything answers again without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);

    private readonly PrivatePostgres _postgres = new();
    private RegistryDatabase _database = null!;
    private RegistryWebFactory _site = null!;
    private HttpClient _client = null!;
    private HttpClient _publisher = null!;
    private string _number = null!;
    private string _payload = null!;

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitialiseAsync();
        _database = RegistryDatabase.OnServer(_postgres.ConnectionString());
        await _database.InitializeAsync();
        var (certificate, body) = await new TestRegistry(_database).IssueAsync(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-60)));
        _number = certificate.NormalizedNumber;
        _site = new RegistryWebFactory(_database.ConnectionString);
        _client = _site.CreatePageClient();
        await _site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(body.Code, "test", CancellationToken.None);
        var key = await PublishingApiClient.CreateKeyAsync(_database, body.Code);
        _publisher = PublishingApiClient.WithKey(_site.CreateClient(), key.Token);

        var png = await _client.GetByteArrayAsync(new Uri($"/certificates/{_number}/qr.png", UriKind.Relative));
        _payload = VerificationScenarios.PayloadOf(await Zbar.DecodeAsync(png));
        (await VerifyAsync()).GetProperty("degraded").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task With_postgres_stopped_everything_answers_503_promptly_scans_answer_from_memory_and_all_recovers_when_it_is_back()
    {
        await _postgres.StopAsync();

        foreach (var path in new[] { "/", "/search?q=%E6%B5%8B%E8%AF%95", $"/certificates/{_number}" })
        {
            var (response, body, elapsed) = await TimedAsync(() => _client.GetAsync(new Uri(path, UriKind.Relative)));
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, path);
            response.Headers.RetryAfter.ShouldNotBeNull(path);
            elapsed.ShouldBeLessThan(Prompt, path);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html", path);
            body.ShouldContain("data-status=\"503\"", Case.Sensitive, path);
            body.ShouldNotContain("   at ", Case.Sensitive, path);
        }

        var graphQL = await TimedAsync(() => _client.PostAsync(new Uri("/graphql", UriKind.Relative),
            new StringContent("""{"query":"{ bodies { code } }"}""", Encoding.UTF8, "application/json")));
        graphQL.Response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        graphQL.Response.Headers.RetryAfter.ShouldNotBeNull();
        graphQL.Body.ShouldContain("SERVICE_UNAVAILABLE");
        graphQL.Elapsed.ShouldBeLessThan(Prompt);

        var publish = await TimedAsync(() => _publisher.PostAsync(new Uri($"/api/publishing/certificates/{_number}/suspend", UriKind.Relative),
            new StringContent($$"""{"reason":"x","effectiveOn":"{{PublishingApiClient.Today}}"}""", Encoding.UTF8, "application/json")));
        publish.Response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        publish.Response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(publish.Body).RootElement.GetProperty("code").GetString().ShouldBe("SERVICE_UNAVAILABLE");
        publish.Elapsed.ShouldBeLessThan(Prompt);

        var verdict = await VerifyAsync();
        verdict.GetProperty("kind").GetString().ShouldBe("GENUINE_VALID");
        verdict.GetProperty("degraded").GetBoolean().ShouldBeTrue("the status comes from memory while PostgreSQL is away");
        var age = DateTimeOffset.UtcNow - verdict.GetProperty("asOf").GetDateTimeOffset();
        age.ShouldBeLessThan(TimeSpan.FromSeconds(30), "asOf is when the cache last confirmed it was in step");
        var page = await _client.GetStringAsync(new Uri("/v/" + _payload, UriKind.Relative));
        page.ShouldContain("data-testid=\"degraded\"");

        await _postgres.StartAsync();
        var deadline = Stopwatch.StartNew();
        var last = string.Empty;
        while (true)
        {
            var home = await _client.GetAsync(new Uri("/", UriKind.Relative));
            var certificate = await _client.GetAsync(new Uri($"/certificates/{_number}", UriKind.Relative));
            var degraded = (await VerifyAsync()).GetProperty("degraded").GetBoolean();
            if (home.StatusCode == HttpStatusCode.OK && certificate.StatusCode == HttpStatusCode.OK && !degraded)
            {
                break;
            }

            last = $"after {deadline.Elapsed.TotalSeconds:F1} s: home {(int)home.StatusCode}, certificate {(int)certificate.StatusCode}, scan degraded {degraded}";
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the site recovers on its own once PostgreSQL is back; " + last);
            await Task.Delay(200);
        }

        (await VerifyAsync()).GetProperty("kind").GetString().ShouldBe("GENUINE_VALID", "the registry answers from PostgreSQL again, with nothing lost");
        TestContext.Current.TestOutputHelper?.WriteLine($"recovered {deadline.Elapsed.TotalSeconds:F1} s after PostgreSQL was back ({last})");
    }

    private async Task<JsonElement> VerifyAsync()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/api/verify?payload=" + _payload, UriKind.Relative)));
        return document.RootElement.Clone();
    }

    private static async Task<(HttpResponseMessage Response, string Body, TimeSpan Elapsed)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _publisher?.Dispose();
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        await _postgres.StartAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }
}
