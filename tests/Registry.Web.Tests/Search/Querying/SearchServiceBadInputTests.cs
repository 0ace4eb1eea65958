using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

/// <summary>Bad input straight into <see cref="SearchService"/> and <see cref="Suggester"/>: a clear problem or an empty result, never an exception.</summary>
[Collection(SearchFixtureGroup.Name)]
public sealed class SearchServiceBadInputTests(SearchFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(BadInput.Cases), MemberType = typeof(BadInput))]
    public async Task Odd_text_is_searched_as_plain_words_and_never_matches_everything(int index, string label)
    {
        var text = BadInput.Inputs[index];

        var outcome = await fixture.Service.SearchAsync(new SearchRequest { Text = text }, Ct);

        outcome.Problems.ShouldBeEmpty(label);
        var results = outcome.Results.ShouldNotBeNull(label);
        results.TotalHits.ShouldBeLessThan((int)fixture.CertificateCount / 2, label);
        results.Hits.Count.ShouldBeLessThanOrEqualTo(SearchRequest.DefaultPageSize);
        results.Facets.Statuses.Sum(v => v.Count).ShouldBe(results.TotalHits);
        fixture.Suggester.Suggest(text).Count.ShouldBeLessThanOrEqualTo(Suggester.MaxSuggestions);
    }

    [Fact]
    public async Task Blank_text_without_filters_finds_nothing_rather_than_the_whole_registry()
    {
        foreach (var text in new[] { null, "", " ", "\t\r\n", "\u3000", "\u0000\u0001", "\uFEFF\u200B", "\uD800", "\uDC00\uD800" })
        {
            var results = await fixture.SearchAsync(new SearchRequest { Text = text });

            results.Interpretation.Kind.ShouldBe(QueryKind.Browse, BadInput.Label(text ?? "null"));
            results.TotalHits.ShouldBe(0);
            results.Hits.ShouldBeEmpty();
            fixture.Suggester.Suggest(text).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Blank_text_with_a_filter_browses_the_filter()
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = "  \u0001 ", Provinces = ["12"] });

        results.TotalHits.ShouldBeGreaterThan(0);
        results.Hits.ShouldAllBe(h => h.Record.ProvinceCode == "12");
    }

    [Theory]
    [InlineData("+")]
    [InlineData("*")]
    [InlineData("*:*")]
    [InlineData("name:* OR \"(")]
    [InlineData(BadInput.LuceneSpecials)]
    [InlineData("{* TO *}")]
    [InlineData("?")]
    public async Task Lucene_operators_alone_match_nothing(string text)
    {
        var results = await fixture.SearchAsync(new SearchRequest { Text = text });

        results.TotalHits.ShouldBe(0);
    }

    [Fact]
    public async Task Stray_characters_around_a_name_do_not_hide_it()
    {
        foreach (var text in new[] { "梦金\u0000园", "\uDC00梦金园", "梦金园\uD83D", "梦金园😀", "\u202E梦金园\u202C", "\"梦金园", "梦金\u00AD园" })
        {
            var results = await fixture.SearchAsync(new SearchRequest { Text = text });

            results.Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["SC20240012"], BadInput.Label(text));
        }
    }

    [Fact]
    public async Task Text_too_long_is_a_clear_problem_not_a_search()
    {
        foreach (var text in BadInput.TooLong)
        {
            var outcome = await fixture.Service.SearchAsync(new SearchRequest { Text = text }, Ct);

            outcome.Results.ShouldBeNull();
            var problem = outcome.Problems.ShouldHaveSingleItem();
            problem.Code.ShouldBe(SearchProblem.TextTooLong);
            problem.Parameter.ShouldBe("q");
            problem.Message.ShouldBe($"Search text has at most {SearchRequest.MaxTextLength} characters.");
            fixture.Suggester.Suggest(text).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task The_longest_text_allowed_is_searched_and_its_length_counts_what_was_sent()
    {
        const string name = "梦金园黄金珠宝集团股份有限公司";
        var text = name + new string(' ', SearchRequest.MaxTextLength - name.Length);

        var outcome = await fixture.Service.SearchAsync(new SearchRequest { Text = text }, Ct);

        outcome.Problems.ShouldBeEmpty();
        outcome.Results.ShouldNotBeNull().Hits.Select(h => h.Record.NormalizedNumber).ShouldBe(["SC20240012"]);
        (await fixture.Service.SearchAsync(new SearchRequest { Text = text + " " }, Ct)).Problems.Single().Code.ShouldBe(SearchProblem.TextTooLong);
    }

    public static TheoryData<string, int, int, string> BadPaging => new()
    {
        { "page 0", 0, 20, SearchProblem.BadPage },
        { "negative page", -1, 20, SearchProblem.BadPage },
        { "page past the last allowed", SearchRequest.MaxPage + 1, 20, SearchProblem.BadPage },
        { "huge page", int.MaxValue, 20, SearchProblem.BadPage },
        { "page size 0", 1, 0, SearchProblem.BadPageSize },
        { "negative page size", 1, -5, SearchProblem.BadPageSize },
        { "page size 1000", 1, 1000, SearchProblem.BadPageSize },
        { "page size past the largest", 1, SearchRequest.MaxPageSize + 1, SearchProblem.BadPageSize },
    };

    [Theory]
    [MemberData(nameof(BadPaging))]
    public async Task Paging_out_of_range_is_a_clear_problem(string description, int page, int size, string code)
    {
        var outcome = await fixture.Service.SearchAsync(new SearchRequest { Text = "海尔", Page = page, PageSize = size }, Ct);

        outcome.Results.ShouldBeNull(description);
        var problem = outcome.Problems.ShouldHaveSingleItem(description);
        problem.Code.ShouldBe(code);
        problem.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_expiry_range_that_ends_before_it_starts_is_a_clear_problem()
    {
        var outcome = await fixture.Service.SearchAsync(
            new SearchRequest { Text = "海尔", ExpiresFrom = new(2027, 12, 31), ExpiresTo = new(2027, 1, 1) }, Ct);

        outcome.Results.ShouldBeNull();
        outcome.Problems.ShouldHaveSingleItem().Code.ShouldBe(SearchProblem.BadDateRange);
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_reported_at_once()
    {
        var outcome = await fixture.Service.SearchAsync(new SearchRequest
        {
            Text = new string('x', 500),
            Page = 0,
            PageSize = 1000,
            ExpiresFrom = DateOnly.MaxValue,
            ExpiresTo = DateOnly.MinValue,
        }, Ct);

        outcome.Problems.Select(p => p.Code).ShouldBe(
            [SearchProblem.TextTooLong, SearchProblem.BadPage, SearchProblem.BadPageSize, SearchProblem.BadDateRange], ignoreOrder: true);
    }

    [Fact]
    public async Task Extreme_dates_and_every_status_at_once_are_searched()
    {
        var results = await fixture.SearchAsync(new SearchRequest
        {
            Text = "海尔",
            ExpiresFrom = DateOnly.MinValue,
            ExpiresTo = DateOnly.MaxValue,
            Statuses = [.. Enum.GetValues<CertificateStatus>(), CertificateStatus.Valid],
        });

        results.TotalHits.ShouldBe(5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_suggestion_limit_out_of_range_is_clamped(int limit)
    {
        var suggestions = fixture.Suggester.Suggest("杭州", limit);

        suggestions.Count.ShouldBe(Math.Clamp(limit, 1, Suggester.MaxSuggestions));
    }
}
