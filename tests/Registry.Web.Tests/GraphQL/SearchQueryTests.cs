namespace Registry.Web.Tests.GraphQL;

/// <summary>search(...) end to end: the site's own search index behind a Relay connection, with facets and filters.</summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class SearchQueryTests(GraphQLSite site)
{
    private static readonly string[] Withdrawn = ["WITHDRAWN"];

    private const string Search = """
        query($text: String, $filter: SearchFilter, $first: Int, $after: String) {
          search(text: $text, filter: $filter, first: $first, after: $after) {
            totalCount interpretedAs
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            edges { cursor nameZh { text matched } node { number status organisation { nameZh } } }
            facets { statuses { status count nameZh } levels { value count nameZh } bodies { value count nameZh } provinces { value count nameZh } }
          }
        }
        """;

    [Fact]
    public async Task Cursors_walk_every_match_once_with_facets_over_all_of_them()
    {
        var token = GraphQLScenarios.UniqueChineseToken();
        var issued = await site.Scenarios.IssueManyAsync(token, 5);
        await site.Scenarios.ChangeAsync(issued[0], await BodyOf(issued[0]), StatusChange.Suspend(new DateOnly(2025, 11, 1), "整改", "x"), new DateOnly(2025, 11, 1));
        await UntilSearchedAsync(token, 5, "SUSPENDED");

        var seen = new List<string?>();
        var answers = new List<string>();
        string? after = null;
        JsonElement page;
        var pages = 0;
        do
        {
            var answer = await site.Client.PostAsync(Search, new { text = token, first = 2, after });
            answer.Codes.ShouldBeEmpty(answer.ToString());
            answers.Add(answer.Body);
            page = answer.Data.GetProperty("search");
            page.GetProperty("totalCount").GetInt32().ShouldBe(5);
            page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean().ShouldBe(after is not null);
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("number").GetString()));
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            pages++;
        }
        while (page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() && pages < 10);

        var pagesSeen = string.Join("\n", answers);
        pages.ShouldBe(3, pagesSeen);
        seen.ShouldBe(issued.Select(c => c.Number), ignoreOrder: true, pagesSeen);
        var facets = page.GetProperty("facets");
        Facet(facets.GetProperty("statuses"), "status").ShouldBe(new Dictionary<string, int> { ["VALID"] = 4, ["SUSPENDED"] = 1 }, pagesSeen);
        facets.GetProperty("statuses").EnumerateArray().Single(s => s.GetProperty("status").GetString() == "SUSPENDED").GetProperty("nameZh").GetString().ShouldBe("暂停");
        Facet(facets.GetProperty("levels"), "value").ShouldBe(new Dictionary<string, int> { ["four-star"] = 5 });
        Facet(facets.GetProperty("provinces"), "value").ShouldBe(new Dictionary<string, int> { ["33"] = 5 });
        facets.GetProperty("provinces")[0].GetProperty("nameZh").GetString().ShouldBe("浙江省");
        facets.GetProperty("bodies")[0].GetProperty("nameZh").GetString().ShouldStartWith("测试认证中心");
    }

    [Fact]
    public async Task A_filter_narrows_the_matches_and_the_name_is_marked_where_it_matched()
    {
        var token = GraphQLScenarios.UniqueChineseToken();
        var issued = await site.Scenarios.IssueManyAsync(token, 3);
        await site.Scenarios.ChangeAsync(issued[1], await BodyOf(issued[1]), StatusChange.Withdraw(new DateOnly(2025, 11, 1), "撤销", "x"), new DateOnly(2025, 11, 1));
        await UntilSearchedAsync(token, 3, "WITHDRAWN");

        var answer = await site.Client.PostAsync(Search, new { text = token, filter = new { statuses = Withdrawn } });

        answer.Codes.ShouldBeEmpty(answer.ToString());
        var search = answer.Data.GetProperty("search");
        search.GetProperty("totalCount").GetInt32().ShouldBe(1);
        var edge = search.GetProperty("edges")[0];
        edge.GetProperty("node").GetProperty("number").GetString().ShouldBe(issued[1].Number);
        edge.GetProperty("node").GetProperty("status").GetString().ShouldBe("WITHDRAWN");
        var marked = edge.GetProperty("nameZh").EnumerateArray().Where(s => s.GetProperty("matched").GetBoolean()).Select(s => s.GetProperty("text").GetString());
        string.Concat(marked).ShouldBe(token);
        search.GetProperty("interpretedAs").GetString().ShouldBe("NAME");
    }

    [Fact]
    public async Task A_certificate_number_typed_with_other_separators_is_found_first()
    {
        var token = GraphQLScenarios.UniqueChineseToken();
        var issued = await site.Scenarios.IssueManyAsync(token, 1);
        await UntilSearchedAsync(token, 1, "VALID");

        var answer = await site.Client.PostAsync(Search, new { text = issued[0].Number.Replace('-', ' ').Replace('/', '·'), first = 1 });

        answer.Codes.ShouldBeEmpty(answer.ToString());
        answer.Data.GetProperty("search").GetProperty("edges")[0].GetProperty("node").GetProperty("number").GetString().ShouldBe(issued[0].Number);
    }

    [Fact]
    public async Task First_zero_answers_the_counts_without_edges_and_a_cursor_past_the_depth_gives_an_empty_last_page()
    {
        var token = GraphQLScenarios.UniqueChineseToken();
        await site.Scenarios.IssueManyAsync(token, 2);
        await UntilSearchedAsync(token, 2, "VALID");

        var counts = await site.Client.PostAsync(Search, new { text = token, first = 0 });
        var beyond = await site.Client.PostAsync(Search, new { text = token, first = 5, after = "djE6OTk5OTk" });

        counts.Status.ShouldBe(HttpStatusCode.OK);
        counts.Data.GetProperty("search").GetProperty("totalCount").GetInt32().ShouldBe(2);
        counts.Data.GetProperty("search").GetProperty("edges").GetArrayLength().ShouldBe(0);
        counts.Data.GetProperty("search").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().ShouldBeTrue();
        beyond.Codes.ShouldBeEmpty(beyond.ToString());
        beyond.Data.GetProperty("search").GetProperty("edges").GetArrayLength().ShouldBe(0);
        beyond.Data.GetProperty("search").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().ShouldBeFalse();
    }

    /// <summary>
    /// Waits until the index has applied everything published, then until a search for the token sees the
    /// expected matches and status (the index's own freshness is Search's tests' business, not these).
    /// </summary>
    private async Task UntilSearchedAsync(string token, int count, string status)
    {
        await site.WaitForSearchAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var answer = await site.Client.PostAsync("query($t: String) { search(text: $t, first: 0) { totalCount facets { statuses { status } } } }", new { t = token });
            var search = answer.Data.GetProperty("search");
            if (search.GetProperty("totalCount").GetInt32() == count
                && search.GetProperty("facets").GetProperty("statuses").EnumerateArray().Any(s => s.GetProperty("status").GetString() == status))
            {
                return;
            }

            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20), $"a search for {token} never showed {count} matches with {status}; last answer: {answer}");
            await Task.Delay(50);
        }
    }

    private async Task<Registry.Domain.Certificates.CertificationBody> BodyOf(Registry.Domain.Certificates.Certificate certificate)
    {
        await using var db = site.Database.CreateContext();
        return db.Bodies.Single(b => b.Id == certificate.BodyId);
    }

    private static Dictionary<string, int> Facet(JsonElement values, string key) =>
        values.EnumerateArray().ToDictionary(v => v.GetProperty(key).GetString()!, v => v.GetProperty("count").GetInt32());
}
