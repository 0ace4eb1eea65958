using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Registry.Web.Tests.ApiKeys;

/// <summary>Sites of their own: one that records every log line, one with a tiny rate limit.</summary>
public sealed class ApiKeySiteTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task Secrets_never_reach_the_log_whether_the_key_is_accepted_or_not()
    {
        var lines = new ConcurrentQueue<string>();
        await using var site = new RegistryWebFactory(database.ConnectionString);
        await using var logged = site.WithWebHostBuilder(b => b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(lines))));
        var body = await _registry.AddBodyAsync();
        var good = await PublishingApiClient.CreateKeyAsync(database, body.Code);
        var wrong = good.Token[..^6] + "ZZZZZZ";

        foreach (var token in new[] { good.Token, wrong, "srk_garbage" })
        {
            using var client = PublishingApiClient.WithKey(logged.CreateClient(), token);
            await client.PostAsync("/api/publishing/certificates/NOPE-123456/suspend",
                new StringContent($$"""{"effectiveOn": "{{PublishingApiClient.Today}}", "reason": "x"}""", System.Text.Encoding.UTF8, "application/json"));
        }

        var all = string.Join("\n", lines);
        all.ShouldContain(good.Key.KeyId, customMessage: "the public key id names the key in the log");
        all.ShouldNotContain(good.Token[21..]);
        all.ShouldNotContain(wrong[21..]);
        all.ShouldNotContain("srk_garbage");
    }

    [Fact]
    public async Task Each_key_has_its_own_rate_limit_and_the_limit_answers_429_with_retry_after()
    {
        await using var limited = new RegistryWebFactory(database.ConnectionString, settings: KeyRateLimit(3));
        var first = await NewKeyAsync();
        var second = await NewKeyAsync();
        using var one = PublishingApiClient.WithKey(limited.CreateClient(), first);
        using var other = PublishingApiClient.WithKey(limited.CreateClient(), second);

        for (var i = 0; i < 3; i++)
        {
            (await one.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await one.GetAsync("/api/publishing/audit");
        await PublishingApiClient.ProblemAsync(refused, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await other.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.OK, "another key has a bucket of its own");
    }

    [Fact]
    public async Task Calls_with_bad_keys_are_limited_per_address_before_they_are_refused()
    {
        await using var limited = new RegistryWebFactory(database.ConnectionString, settings: KeyRateLimit(2));
        using var guesser = PublishingApiClient.WithKey(limited.CreateClient(), Registry.Web.Features.ApiKeys.ApiKeyToken.Create().Token);

        (await guesser.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await guesser.GetAsync("/api/publishing/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var limitedAnswer = await guesser.GetAsync("/api/publishing/audit");

        await PublishingApiClient.ProblemAsync(limitedAnswer, HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    /// <summary>Each key (and each address calling with a bad key) may make <paramref name="permits"/> calls in ten minutes.</summary>
    private static Dictionary<string, string> KeyRateLimit(int permits) => new()
    {
        ["ApiKeys:RateLimit:BurstLimit"] = permits.ToString(CultureInfo.InvariantCulture),
        ["ApiKeys:RateLimit:RequestsPerPeriod"] = permits.ToString(CultureInfo.InvariantCulture),
        ["ApiKeys:RateLimit:Period"] = "00:10:00",
    };

    private async Task<string> NewKeyAsync() => (await PublishingApiClient.CreateKeyAsync(database, (await _registry.AddBodyAsync()).Code)).Token;
}
