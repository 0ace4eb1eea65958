using System.Diagnostics;

namespace Registry.Web.Tests.PageCache;

/// <summary>The site's own Redis is stopped mid-run and started again: no request fails or waits on it, and caching comes back by itself.</summary>
public sealed class RedisRestartTests(RegistryDatabase database)
{
    /// <summary>A request while Redis goes away may wait for the store's guard (100 ms) once, never for Redis's own timeouts (seconds).</summary>
    private static readonly TimeSpan Slowest = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Stopping_redis_mid_run_fails_no_request_and_caching_resumes_when_it_returns()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString + ",connectTimeout=500,abortConnect=false",
        });
        var (certificate, _) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 8, 7));
        await PageCacheSync.InStepAsync(site.Services);
        using var client = site.CreatePageClient();
        var path = new Uri($"/certificates/{certificate.NormalizedNumber}", UriKind.Relative);
        (await PageCacheProbe.CachedAsync(client, path)).Dispose();

        using var stop = new CancellationTokenSource();
        var requests = Enumerable.Range(0, 3).Select(_ => HammerAsync(client, path, stop.Token)).ToList();
        await Task.Delay(300);
        await redis.StopAsync();
        await Task.Delay(1500);
        await redis.StartAsync();

        // Back by itself: the multiplexer reconnects and entries are stored and served again.
        using (var again = await PageCacheProbe.CachedAsync(client, () => new HttpRequestMessage(HttpMethod.Get, path), TimeSpan.FromSeconds(15)))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await stop.CancelAsync();
        var results = await Task.WhenAll(requests);
        var all = results.SelectMany(r => r).ToList();
        all.Count.ShouldBeGreaterThan(30, "requests ran all along");
        all.ShouldAllBe(r => r.Status == HttpStatusCode.OK, "no request failed while Redis was away");
        all.Max(r => r.Elapsed).ShouldBeLessThan(Slowest, "no request waited on Redis");
        all.Count(r => !r.Cached).ShouldBeGreaterThan(0, "while Redis was away pages were rendered without it");
    }

    private static async Task<List<(HttpStatusCode Status, TimeSpan Elapsed, bool Cached)>> HammerAsync(HttpClient client, Uri path, CancellationToken stop)
    {
        var seen = new List<(HttpStatusCode, TimeSpan, bool)>();
        while (!stop.IsCancellationRequested)
        {
            var watch = Stopwatch.StartNew();
            using var answer = await client.GetAsync(path, CancellationToken.None);
            seen.Add((answer.StatusCode, watch.Elapsed, answer.Headers.Age is not null));
            await Task.Delay(10, CancellationToken.None);
        }

        return seen;
    }
}
