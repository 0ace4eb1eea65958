using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Tests.RateLimits;

/// <summary>
/// Every anonymous path has a limit; a refusal is 429 with Retry-After (a problem for programs, the friendly page for
/// people); the count is shared by the instances through Redis, and each instance keeps counting on its own while
/// Redis is down.
/// </summary>
public sealed class RateLimitTests(RegistryDatabase database)
{
    public static TheoryData<string, string, string, string?> Paths => new()
    {
        { "Pages", "GET", "/", null },
        { "Pages", "GET", "/certificates/NOPE-123456", null },
        { "Search", "GET", "/search?q=%E6%B5%8B%E8%AF%95", null },
        { "Suggestions", "GET", "/search/suggest?q=%E6%9D%AD", null },
        { "Verify", "GET", "/api/verify?payload=AAAA", null },
        { "Verify", "GET", "/v/AAAA", null },
        { "Uploads", "POST", "/api/verify/image", "image/png" },
        { "Uploads", "POST", "/verify/upload", "multipart/form-data; boundary=x" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Each_anonymous_path_answers_429_with_retry_after_past_its_limit(string bucket, string method, string path, string? contentType)
    {
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: Limited(bucket, 2));
        using var client = site.CreatePageClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.SendAsync(Request(method, path, contentType)));
        }

        answers.Take(2).ShouldAllBe(a => a.StatusCode != HttpStatusCode.TooManyRequests);
        var refused = answers[2];
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, path);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 600);
        var body = await refused.Content.ReadAsStringAsync();
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/search/suggest", StringComparison.Ordinal))
        {
            refused.Content.Headers.ContentType!.MediaType.ShouldBe(path.StartsWith("/api/", StringComparison.Ordinal) ? "application/problem+json" : "text/html");
        }

        if (refused.Content.Headers.ContentType!.MediaType == "application/problem+json")
        {
            JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("RATE_LIMITED");
        }
        else
        {
            body.ShouldContain("data-status=\"429\"");
        }
    }

    [Fact]
    public async Task The_buckets_are_counted_apart()
    {
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: Limited("Search", 1));
        using var client = site.CreatePageClient();

        (await client.GetAsync("/search?q=a1")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/search?q=a2")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "pages have a bucket of their own");
    }

    [Fact]
    public async Task Two_instances_share_one_count_through_redis()
    {
        var statuses = await HomeFromTwoInstancesAsync(Limited("Pages", 4), rounds: 3);

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(4, "four permits between both instances: " + string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(2);
    }

    [Fact]
    public async Task Permits_taken_from_redis_in_chunks_never_let_the_instances_admit_more_than_the_limit()
    {
        // 100 a window: chunks of 2, so each instance holds at most one permit it has not handed out.
        var statuses = await HomeFromTwoInstancesAsync(Limited("Pages", 100), rounds: 80);

        var admitted = statuses.Count(s => s == HttpStatusCode.OK);
        admitted.ShouldBeInRange(98, 100);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_chunk_rather_than_each_taking_one()
    {
        // 1,000 a window, chunks of 20; 500 requests in bursts of 50 at once. Were every request that found the
        // allowance spent to take a chunk of its own, a burst would burn up to 50 chunks, the whole window.
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: Limited("Pages", 1000));
        using var client = site.CreatePageClient();
        await RedisConnectedAsync(site);
        var statuses = new List<HttpStatusCode>();
        for (var burst = 0; burst < 10; burst++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/")));
            statuses.AddRange(answers.Select(a => a.StatusCode));
        }

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(500, "refused: " + statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task While_redis_is_down_each_instance_counts_on_its_own_and_nothing_fails()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        var settings = new Dictionary<string, string>(Limited("Pages", 3)) { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: settings);
        using var client = site.CreatePageClient();
        await RedisConnectedAsync(site);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await redis.StopAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync("/")).StatusCode);
        }

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.TooManyRequests, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(3, "the in-process count allows the limit, then refuses: " + string.Join(", ", statuses));
    }

    /// <summary>Two instances sharing one Redis and these limits; the home page asked of each in turn, <paramref name="rounds"/> times.</summary>
    private async Task<List<HttpStatusCode>> HomeFromTwoInstancesAsync(Dictionary<string, string> settings, int rounds)
    {
        await using var first = new RegistryWebFactory(database.ConnectionString, settings: settings);
        await using var second = new RegistryWebFactory(database.ConnectionString, settings: settings);
        using var a = first.CreatePageClient();
        using var b = second.CreatePageClient();
        await RedisConnectedAsync(first);
        await RedisConnectedAsync(second);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < rounds; i++)
        {
            statuses.Add((await a.GetAsync("/")).StatusCode);
            statuses.Add((await b.GetAsync("/")).StatusCode);
        }

        return statuses;
    }

    /// <summary>The count goes to Redis once the site's connection is up; until then it is counted in-process, as during an outage.</summary>
    private static async Task RedisConnectedAsync(RegistryWebFactory site)
    {
        var connection = site.Services.GetRequiredService<RedisConnection>();
        await connection.GetAsync(CancellationToken.None);
        for (var i = 0; connection.Current is null; i++)
        {
            i.ShouldBeLessThan(100, "the site connects to Redis");
            await Task.Delay(50);
        }
    }

    private static Dictionary<string, string> Limited(string bucket, int permits) => new()
    {
        ["RateLimits:Namespace"] = "limits-" + Guid.NewGuid().ToString("N")[..12],
        [$"RateLimits:{bucket}:PermitLimit"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:{bucket}:Window"] = "00:10:00",
    };

    private static HttpRequestMessage Request(string method, string path, string? contentType)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
        {
            request.Content = new ByteArrayContent(Encoding.ASCII.GetBytes("x"));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return request;
    }
}
