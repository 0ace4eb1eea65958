using System.Net.Http.Json;
using Registry.Web.Features.RateLimits;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.GraphQL;

/// <summary>Anonymous callers are rate limited per address; the refusal is 429 with an RFC 9457 problem and Retry-After.</summary>
public sealed class RateLimitTests(RegistryDatabase database)
{
    [Fact]
    public async Task The_request_past_the_limit_gets_429_with_a_problem_and_Retry_After()
    {
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: new Dictionary<string, string>
        {
            ["GraphQL:AnonymousRateLimit:PermitLimit"] = "3",
            ["GraphQL:AnonymousRateLimit:Window"] = "00:10:00",
        }, services: RegistryWebFactory.Replace<ISigningKeys>(new InMemorySigningKeys()));
        var client = new GraphQLClient(site.CreatePageClient());

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await client.PostAsync("{ __typename }")).Status);
        }

        var refused = await client.PostAsync("{ __typename }");

        allowed.ShouldAllBe(s => s == HttpStatusCode.OK);
        refused.Status.ShouldBe(HttpStatusCode.TooManyRequests, refused.ToString());
        refused.MediaType.ShouldBe("application/problem+json");
        refused.Json.GetProperty("status").GetInt32().ShouldBe(429);
        refused.Json.GetProperty("code").GetString().ShouldBe("RATE_LIMITED");
        var retryAfter = int.Parse(refused.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 600);
        // Only the GraphQL endpoint is limited; the site's pages are not.
        (await client.Http.GetAsync("/search/status")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData(null, "unknown")]
    public void Callers_are_counted_per_address_and_IPv6_per_64(string? address, string partition)
    {
        CallerPartition.Of(address is null ? null : IPAddress.Parse(address)).ShouldBe(partition);
    }

    [Fact]
    public void Two_addresses_in_one_IPv6_64_share_a_partition_and_neighbouring_64s_do_not()
    {
        var a = CallerPartition.Of(IPAddress.Parse("2001:db8:0:1::1"));
        var b = CallerPartition.Of(IPAddress.Parse("2001:db8:0:1::2"));
        var c = CallerPartition.Of(IPAddress.Parse("2001:db8:0:2::1"));

        a.ShouldBe(b);
        a.ShouldNotBe(c);
    }
}
