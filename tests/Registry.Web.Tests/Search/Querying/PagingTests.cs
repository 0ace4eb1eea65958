using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

[Collection(SearchFixtureGroup.Name)]
public sealed class PagingTests(SearchFixture fixture)
{
    public static TheoryData<string, string?, string?> Searches => new()
    {
        { "a name shared by most certificates (scores tie in large groups)", "有限公司", null },
        { "a filter alone (every score ties)", null, "44" },
        { "a trade word", "家电", null },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Pages_are_disjoint_and_together_are_the_top_of_a_bigger_page(string description, string? text, string? province)
    {
        var request = new SearchRequest { Text = text, Provinces = province is null ? [] : [province], PageSize = 20 };

        var page1 = await fixture.SearchAsync(request);
        var page2 = await fixture.SearchAsync(request with { Page = 2 });
        var top40 = await fixture.SearchAsync(request with { PageSize = 40 });

        page1.TotalHits.ShouldBeGreaterThan(40, description);
        page1.Hits.Count.ShouldBe(20);
        page2.Hits.Count.ShouldBe(20);
        Ids(page1).Intersect(Ids(page2)).ShouldBeEmpty(description);
        Ids(page1).Concat(Ids(page2)).ShouldBe(Ids(top40), description);
        page2.TotalHits.ShouldBe(page1.TotalHits);
        top40.TotalHits.ShouldBe(page1.TotalHits);
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task The_same_search_gives_the_same_order_every_time(string description, string? text, string? province)
    {
        var request = new SearchRequest { Text = text, Provinces = province is null ? [] : [province], Page = 3, PageSize = 30 };

        var first = await fixture.SearchAsync(request);
        var again = await fixture.SearchAsync(request);

        Ids(again).ShouldBe(Ids(first), description);
    }

    [Fact]
    public async Task Equal_scores_are_ordered_by_certificate_id()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Provinces = ["33"], PageSize = SearchRequest.MaxPageSize });

        Ids(results).ShouldBe([.. Ids(results).Order()]);
        results.Hits.Select(h => h.Score).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Walking_every_page_visits_each_match_once()
    {
        var request = new SearchRequest { Text = "家电", PageSize = SearchRequest.MaxPageSize };
        var first = await fixture.SearchAsync(request);
        var seen = new List<long>();

        for (var page = 1; page <= first.PageCount; page++)
        {
            seen.AddRange(Ids(await fixture.SearchAsync(request with { Page = page })));
        }

        first.TotalHits.ShouldBeLessThanOrEqualTo(SearchRequest.MaxPage * SearchRequest.MaxPageSize, "this check needs every match within reach");
        seen.Count.ShouldBe(first.TotalHits);
        seen.ShouldBeUnique();
    }

    [Fact]
    public async Task Total_hits_count_every_match_and_page_count_stops_at_the_last_page_allowed()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "有限公司", PageSize = 10 });

        var expected = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM certificates c JOIN organisations o ON o.id = c.organisation_id " +
            "WHERE (o.legal_name_zh || ' ' || array_to_string(o.former_names, ' ')) LIKE ALL (ARRAY['%有限%', '%限公%', '%公司%'])");
        results.TotalHits.ShouldBe((int)expected);
        results.TotalHits.ShouldBeGreaterThan(SearchRequest.MaxPage * 10);
        results.PageCount.ShouldBe(SearchRequest.MaxPage);
    }

    [Fact]
    public async Task A_page_past_the_last_match_is_empty_but_keeps_the_total()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "海尔", Page = 2, PageSize = 5 });

        results.TotalHits.ShouldBe(5);
        results.Hits.ShouldBeEmpty();
        results.PageCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_last_page_holds_the_rest_and_the_deepest_page_allowed_can_be_asked_for()
    {
        var request = new SearchRequest { Text = "有限公司", PageSize = SearchRequest.MaxPageSize };
        var total = (await fixture.SearchAsync(request)).TotalHits;
        var lastPage = (total + SearchRequest.MaxPageSize - 1) / SearchRequest.MaxPageSize;
        lastPage.ShouldBeLessThan(SearchRequest.MaxPage);

        var last = await fixture.SearchAsync(request with { Page = lastPage });
        var deepest = await fixture.SearchAsync(request with { Page = SearchRequest.MaxPage });

        last.Hits.Count.ShouldBe(total - ((lastPage - 1) * SearchRequest.MaxPageSize));
        deepest.Hits.ShouldBeEmpty();
        deepest.TotalHits.ShouldBe(total);
    }

    private static List<long> Ids(SearchResults results) => [.. results.Hits.Select(h => h.Record.CertificateId)];
}
