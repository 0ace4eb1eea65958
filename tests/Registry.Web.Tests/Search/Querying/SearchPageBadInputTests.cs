using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

/// <summary>
/// Bad input through the /search page and /search/suggest of the in-process site (which builds its own index of
/// the shared test database on first use, answering 503 until then): a clear 400 or a page of results, never a 500.
/// </summary>
public sealed class SearchPageBadInputTests(RegistryDatabase database)
{
    private readonly HtmlParser _parser = new();

    [Theory]
    [MemberData(nameof(BadInput.Cases), MemberType = typeof(BadInput))]
    public async Task Odd_text_gives_a_page_of_results_or_none(int index, string label)
    {
        var text = BadInput.Inputs[index];
        using var client = database.Site.CreatePageClient();

        using var response = await SearchPages.GetAsync(client, "/search?q=" + Escape(text));

        if (BreaksTheTextRule(text))
        {
            // NUL, control characters, bidirectional controls: refused as text, with the friendly page.
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, label);
            (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"error-detail\"");
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK, label);
        var html = await response.Content.ReadAsStringAsync();
        var page = _parser.ParseDocument(html);
        page.QuerySelector("[data-testid=problems]").ShouldBeNull(label);
        // Results (possibly none), or the hint when nothing searchable was left of the text.
        (page.QuerySelector("[data-testid=total]") ?? page.QuerySelector("[data-testid=hint]")).ShouldNotBeNull(label);
        page.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("alert", StringComparison.Ordinal), label);
        page.QuerySelectorAll("img").ShouldBeEmpty(label);
    }

    [Theory]
    [MemberData(nameof(BadInput.Cases), MemberType = typeof(BadInput))]
    public async Task Odd_text_gets_json_suggestions(int index, string label)
    {
        using var client = database.Site.CreatePageClient();

        using var response = await SearchPages.GetAsync(client, "/search/suggest?q=" + Escape(BadInput.Inputs[index]));

        if (BreaksTheTextRule(BadInput.Inputs[index]))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, label);
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.OK, label);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.ValueKind.ShouldBe(JsonValueKind.Array, label);
        json.RootElement.GetArrayLength().ShouldBeLessThanOrEqualTo(Suggester.MaxSuggestions);
    }

    [Fact]
    public async Task Markup_typed_into_the_box_is_shown_as_text()
    {
        using var client = database.Site.CreatePageClient();

        foreach (var text in new[] { "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<b>梦金园</b>" })
        {
            using var response = await SearchPages.GetAsync(client, "/search?q=" + Escape(text));

            var html = await response.Content.ReadAsStringAsync();
            html.ShouldNotContain(text);
            var page = _parser.ParseDocument(html);
            ((IHtmlInputElement)page.QuerySelector("input#q")!).Value.ShouldBe(text);
            page.QuerySelectorAll("img, b").ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Text_too_long_is_a_400_with_a_problem_code()
    {
        using var client = database.Site.CreatePageClient();

        foreach (var text in BadInput.TooLong)
        {
            using var response = await SearchPages.GetAsync(client, "/search?q=" + Escape(text));

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
            var problem = page.QuerySelector($"[data-testid=problems] li[data-code={SearchProblem.TextTooLong}]").ShouldNotBeNull();
            problem.TextContent.ShouldNotBeNullOrWhiteSpace();
            page.QuerySelector("[data-testid=hits]").ShouldBeNull();
        }
    }

    [Fact]
    public async Task Text_too_long_gets_no_suggestions()
    {
        using var client = database.Site.CreatePageClient();

        foreach (var text in BadInput.TooLong)
        {
            using var response = await SearchPages.GetAsync(client, "/search/suggest?q=" + Escape(text));

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).ShouldBe("[]");
        }
    }

    [Theory]
    [InlineData("%ED%A0%80", HttpStatusCode.BadRequest)]
    [InlineData("%ED%B0%80%E6%A2%A6", HttpStatusCode.BadRequest)]
    [InlineData("%FF%FE%FD", HttpStatusCode.BadRequest)]
    [InlineData("%C0%AF", HttpStatusCode.BadRequest)]
    [InlineData("%F0%9F", HttpStatusCode.BadRequest)]
    [InlineData("%00", HttpStatusCode.BadRequest)]
    [InlineData("%E6%A2", HttpStatusCode.BadRequest)]
    [InlineData("%", HttpStatusCode.OK)]
    [InlineData("%%%", HttpStatusCode.OK)]
    [InlineData("%zz", HttpStatusCode.OK)]
    [InlineData("+", HttpStatusCode.OK)]
    public async Task Broken_utf8_in_the_address_is_refused_and_stray_percent_signs_are_read_as_text(string raw, HttpStatusCode status)
    {
        using var client = database.Site.CreatePageClient();

        using var page = await SearchPages.GetAsync(client, "/search?q=" + raw);
        using var suggest = await SearchPages.GetAsync(client, "/search/suggest?q=" + raw);

        page.StatusCode.ShouldBe(status);
        suggest.StatusCode.ShouldBe(status);
    }

    public static TheoryData<string, string, string> BadFilters => new()
    {
        { "q=海尔&status=bogus", SearchProblem.BadFilter, "status" },
        { "q=海尔&status=Valid,Suspended", SearchProblem.BadFilter, "status" },
        { "q=海尔&status=Valid,Cancelled", SearchProblem.BadFilter, "status" },
        { "status=NotIssued", SearchProblem.BadFilter, "status" },
        { "status=1", SearchProblem.BadFilter, "status" },
        { "status=%3Cscript%3E", SearchProblem.BadFilter, "status" },
        { "level=ten-star", SearchProblem.BadFilter, "level" },
        { "level=FIVE-STAR", SearchProblem.BadFilter, "level" },
        { "province=99", SearchProblem.BadFilter, "province" },
        { "province=3", SearchProblem.BadFilter, "province" },
        { "body=DEMO-01", SearchProblem.BadFilter, "body" },
        { "body=" + new string('A', 40), SearchProblem.BadFilter, "body" },
        { "q=海尔&page=0", SearchProblem.BadPage, "page" },
        { "q=海尔&page=51", SearchProblem.BadPage, "page" },
        { "q=海尔&page=-1", SearchProblem.BadPage, "page" },
        { "q=海尔&page=abc", SearchProblem.BadPage, "page" },
        { "q=海尔&page=1.5", SearchProblem.BadPage, "page" },
        { "q=海尔&page=99999999999", SearchProblem.BadPage, "page" },
        { "q=海尔&size=0", SearchProblem.BadPageSize, "size" },
        { "q=海尔&size=1000", SearchProblem.BadPageSize, "size" },
        { "q=海尔&size=51", SearchProblem.BadPageSize, "size" },
        { "q=海尔&size=abc", SearchProblem.BadPageSize, "size" },
        { "q=海尔&expiresFrom=2027-12-31&expiresTo=2027-01-01", SearchProblem.BadDateRange, "expiresTo" },
        { "q=海尔&expiresFrom=2027-13-01", SearchProblem.BadFilter, "expiresFrom" },
        { "q=海尔&expiresTo=31/12/2027", SearchProblem.BadFilter, "expiresTo" },
        { "q=海尔&expiresFrom=tomorrow", SearchProblem.BadFilter, "expiresFrom" },
        { "q=海尔&expiresTo=2027-02-30", SearchProblem.BadFilter, "expiresTo" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task A_bad_filter_or_page_is_a_400_that_says_what_is_wrong(string query, string code, string parameter)
    {
        using var client = database.Site.CreatePageClient();

        using var response = await SearchPages.GetAsync(client, "/search?" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        var problems = page.QuerySelectorAll("[data-testid=problems] li");
        problems.Select(p => p.GetAttribute("data-code")).ShouldContain(code, query);
        var message = problems.First(p => p.GetAttribute("data-code") == code).TextContent;
        message.ShouldNotBeNullOrWhiteSpace();
        if (code == SearchProblem.BadFilter && !parameter.StartsWith("expires", StringComparison.Ordinal))
        {
            message.ShouldContain(parameter, Case.Sensitive, query);
        }

        page.QuerySelector("[data-testid=hits]").ShouldBeNull();
        page.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Blank_text_gives_no_results_not_the_whole_registry()
    {
        // Something the site's index holds, so that "everything" would not be nothing.
        var (certificate, _) = await new TestRegistry(database).IssueAsync(new DateOnly(2025, 9, 1));
        using var client = database.Site.CreatePageClient();
        await SearchPages.WaitUntilFoundAsync(client, certificate.NormalizedNumber);

        foreach (var raw in new[] { "%20%20%20", "%E3%80%80", "%EF%BB%BF%E2%80%8B", "%09%0A" })
        {
            using var response = await SearchPages.GetAsync(client, "/search?q=" + raw);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, raw);
            var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
            page.QuerySelector("[data-testid=total]")?.GetAttribute("data-total").ShouldBe("0", raw);
            page.QuerySelectorAll("[data-testid=hits] li").ShouldBeEmpty(raw);
        }
    }

    /// <summary>Whether the text, as a browser sends it, breaks the registry's one text rule (then the site answers 400).</summary>
    private static bool BreaksTheTextRule(string text) =>
        Registry.Domain.Text.InputText.Check(new UTF8Encoding(false, false).GetString(new UTF8Encoding(false, false).GetBytes(text)), "q", Registry.Domain.Text.TextShape.MultiLine) is not null;

    /// <summary>Percent-encodes text as a browser would (UTF-8; a lone surrogate becomes U+FFFD, as browsers send it).</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var b in new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
