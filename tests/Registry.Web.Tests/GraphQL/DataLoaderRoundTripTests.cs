namespace Registry.Web.Tests.GraphQL;

/// <summary>
/// The batch loaders keep a page's database round trips fixed: a page of 50 certificates with their bodies,
/// holders and histories costs what a page of 5 costs.
/// </summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class DataLoaderRoundTripTests(GraphQLSite site)
{
    private const string Page = """
        query($text: String!, $first: Int!) {
          search(text: $text, first: $first) {
            totalCount
            edges { node { number status current { level { code } expiresOn } history { kind } body { code nameZh } organisation { creditCode nameZh } } }
          }
        }
        """;

    [Fact]
    public async Task A_page_of_certificates_costs_the_same_round_trips_whatever_its_size()
    {
        var token = GraphQLScenarios.UniqueChineseToken();
        var issued = await site.Scenarios.IssueManyAsync(token, 60);
        await site.WaitForSearchAsync();
        await PageCacheSync.CaughtUpAsync(site.Database, site.Services);
        using var roundTrips = new DatabaseRoundTrips();
        await RunAsync(token, 1, roundTrips); // warms the connection pool and EF Core's query cache

        var counts = new Dictionary<int, int>();
        foreach (var size in new[] { 5, 20, 50 })
        {
            counts[size] = await RunAsync(token, size, roundTrips);
        }

        var again = await RunAsync(token, 50, roundTrips);
        TestContext.Current.TestOutputHelper?.WriteLine($"database round trips per page: {string.Join(", ", counts.Select(c => $"{c.Key} certificates → {c.Value}"))}, the 50 again → {again}");
        counts[50].ShouldBe(counts[5], "the round trips must not grow with the page size");
        counts[20].ShouldBe(counts[5]);
        // One read of the records (certificate, events, body, holder) not yet in memory. No status re-read: the
        // certificate cache is in step and vouches that none changed after the replica's position.
        counts[50].ShouldBe(1);
        again.ShouldBe(0, "every record on the page is in memory now");
        issued.Count.ShouldBe(60);
    }

    [Fact]
    public async Task A_certificate_by_number_with_every_nested_field_is_one_round_trip()
    {
        var (certificate, _) = await site.Scenarios.Registry.IssueAsync(new DateOnly(2025, 10, 4));
        using var roundTrips = new DatabaseRoundTrips();
        var (trace, header) = DatabaseRoundTrips.NewTrace();
        var request = Post("""
            query($n: String!) {
              certificate(number: $n) {
                number status history { kind } current { status } statusOn(date: "2025-12-01") { status }
                body { nameZh } organisation { nameZh }
              }
            }
            """, new { n = certificate.Number });
        request.Headers.Add("traceparent", header);

        var answer = await site.Client.SendAsync(request);

        answer.Codes.ShouldBeEmpty(answer.ToString());
        answer.Data.GetProperty("certificate").GetProperty("organisation").GetProperty("nameZh").GetString().ShouldNotBeNullOrEmpty();
        roundTrips.CountFor(trace).ShouldBe(1, "the look-up reads the certificate with its events, body and holder in one query");
    }

    private async Task<int> RunAsync(string token, int size, DatabaseRoundTrips roundTrips)
    {
        var (trace, header) = DatabaseRoundTrips.NewTrace();
        var request = Post(Page, new { text = token, first = size });
        request.Headers.Add("traceparent", header);

        var answer = await site.Client.SendAsync(request);

        answer.Codes.ShouldBeEmpty(answer.ToString());
        var edges = answer.Data.GetProperty("search").GetProperty("edges");
        edges.GetArrayLength().ShouldBe(size);
        edges.EnumerateArray().ShouldAllBe(e => e.GetProperty("node").GetProperty("history").GetArrayLength() == 1);
        return roundTrips.CountFor(trace);
    }

    private static HttpRequestMessage Post(string query, object variables) =>
        new(HttpMethod.Post, "/graphql") { Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), System.Text.Encoding.UTF8, "application/json") };
}
