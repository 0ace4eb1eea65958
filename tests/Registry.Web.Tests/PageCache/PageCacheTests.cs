using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Time;
using Registry.Web.Features.Certificates.Caching;
using Registry.Web.Features.Publishing;
using StackExchange.Redis;

namespace Registry.Web.Tests.PageCache;

/// <summary>Public pages come from the output cache in Redis, and a status change is never hidden behind it.</summary>
public sealed class PageCacheTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_certificate_page_is_served_from_redis_until_its_status_changes_then_the_change_shows_at_once()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 9, 1));
        var cache = database.Site.Services.GetRequiredService<CertificateRecordCache>();
        await PageCacheSync.InStepAsync(database.Site.Services);
        using var client = database.Site.CreatePageClient();
        var path = new Uri($"/certificates/{certificate.NormalizedNumber}", UriKind.Relative);

        using (var first = await client.GetAsync(path))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            first.Headers.Age.ShouldBeNull("the first answer is rendered");
        }

        // The site connects to Redis on the cache's first use without waiting for it; from then on entries are kept
        // (until the outbox position moves, which other tests running alongside may make it do).
        using (var cached = await PageCacheProbe.CachedAsync(client, path))
        {
            (await cached.Content.ReadAsStringAsync()).ShouldContain("data-status=\"Valid\"");
        }

        var redis = await ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:56379");
        await using (redis)
        {
            var server = redis.GetServer(redis.GetEndPoints()[0]);
            server.Keys(pattern: $"registry:{database.Name}:output:*").ShouldNotBeEmpty("the entry is in the shared Redis");
        }

        var before = cache.AppliedSequence;
        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.NormalizedNumber,
                StatusChange.Withdraw(RegistryCalendar.Today(TimeProvider.System), "Fraudulent audit evidence", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        // Until the follower applies the change the old key may still answer; once it has, never again.
        await Eventually.UntilAsync(() => cache.AppliedSequence > before, "the certificate cache applies the withdrawal", TimeSpan.FromSeconds(2));
        using var third = await client.GetAsync(path);
        (await third.Content.ReadAsStringAsync()).ShouldContain("data-status=\"Withdrawn\"");
        third.Headers.Age.ShouldBeNull("rendered anew under the new outbox position");
    }

    [Fact]
    public async Task Each_language_has_its_own_entry_and_an_answer_that_sets_a_cookie_is_not_stored()
    {
        var (certificate, _) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 9, 2));
        await PageCacheSync.InStepAsync(database.Site.Services);
        using var chinese = database.Site.CreatePageClient();
        var path = $"/certificates/{certificate.NormalizedNumber}";
        (await chinese.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("lang=\"zh-CN\"");

        using var english = database.Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using (var chosen = await english.GetAsync(new Uri(path + "?lang=en", UriKind.Relative)))
        {
            chosen.Headers.Contains("Set-Cookie").ShouldBeTrue();
            (await chosen.Content.ReadAsStringAsync()).ShouldContain("lang=\"en\"");
        }

        using (var again = await english.GetAsync(new Uri(path + "?lang=en", UriKind.Relative)))
        {
            again.Headers.Age.ShouldBeNull("the answer that set the language cookie was not stored");
        }

        using var byCookie = await english.GetAsync(new Uri(path, UriKind.Relative));
        (await byCookie.Content.ReadAsStringAsync()).ShouldContain("lang=\"en\"", customMessage: "the English reader never gets the Chinese entry");
        using var chineseAgain = await PageCacheProbe.CachedAsync(chinese, new Uri(path, UriKind.Relative));
        (await chineseAgain.Content.ReadAsStringAsync()).ShouldContain("lang=\"zh-CN\"");
    }

    [Fact]
    public async Task With_redis_unreachable_pages_are_rendered_without_the_cache_and_never_fail()
    {
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
        });
        using var client = site.CreatePageClient();
        foreach (var path in new[] { "/", "/", "/search?q=%E7%94%B5%E6%A2%AF", "/bodies", "/search/suggest?q=%E6%B5%B7" })
        {
            using var answer = await client.GetAsync(new Uri(path, UriKind.Relative));
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            answer.Headers.Age.ShouldBeNull(path);
        }
    }

    [Fact]
    public async Task Console_and_api_writes_are_never_cached()
    {
        using var client = database.Site.CreatePageClient();
        using var signIn = await client.GetAsync(new Uri("/console/sign-in", UriKind.Relative));
        using var signInAgain = await client.GetAsync(new Uri("/console/sign-in", UriKind.Relative));
        signInAgain.Headers.Age.ShouldBeNull();
        signInAgain.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task Cache_statistics_are_for_operators_on_the_machine_only()
    {
        // Straight to Kestrel from loopback: the operator's view, with a family the page cache has counted.
        var address = database.BrowserSiteAddress;
        using var direct = new HttpClient { BaseAddress = address };
        (await direct.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        using (var stats = await direct.GetAsync(new Uri("/api/cache/stats", UriKind.Relative)))
        {
            stats.StatusCode.ShouldBe(HttpStatusCode.OK);
            using var json = JsonDocument.Parse(await stats.Content.ReadAsStringAsync());
            var home = json.RootElement.GetProperty("families").GetProperty("home");
            (home.GetProperty("hits").GetInt64() + home.GetProperty("misses").GetInt64() + home.GetProperty("bypassed").GetInt64()).ShouldBeGreaterThan(0);
        }

        // Through a proxy (forwarding headers), or not from loopback (the in-process test server has no remote address): not found.
        using (var proxied = new HttpRequestMessage(HttpMethod.Get, "/api/cache/stats"))
        {
            proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var answer = await direct.SendAsync(proxied);
            answer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var client = database.Site.CreatePageClient();
        using var remote = await client.GetAsync(new Uri("/api/cache/stats", UriKind.Relative));
        remote.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

}
