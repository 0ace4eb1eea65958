using System.Net;
using AngleSharp.Html.Parser;
using Registry.Domain.Lifecycle;
using Registry.Web.Features.Publishing;
using Registry.Web.Tests.TestSupport;

namespace Registry.Web.Tests.Site;

public sealed class PageTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task Home_page_shows_counts_by_status_and_level_in_chinese_by_default()
    {
        await _registry.IssueAsync(new DateOnly(2025, 7, 1));
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.DocumentElement.GetAttribute("lang").ShouldBe("zh-CN");
        var statusRows = page.QuerySelectorAll("[data-testid=status-counts] tbody tr");
        statusRows.Select(r => r.GetAttribute("data-status")).ShouldBe(["Valid", "Suspended", "Withdrawn", "Cancelled", "Expired"]);
        statusRows[0].QuerySelector("th")!.TextContent.ShouldBe("有效");
        var total = ParseCount(page.QuerySelector("[data-testid=total]")!.TextContent);
        total.ShouldBeGreaterThan(0);
        statusRows.Sum(r => ParseCount(r.QuerySelector("td")!.TextContent)).ShouldBe(total);
        page.QuerySelectorAll("[data-testid=level-counts] tbody tr").Select(r => r.GetAttribute("data-level"))
            .ShouldBe(["five-star", "four-star", "three-star", "compliant"]);
    }

    [Fact]
    public async Task A_change_published_after_a_view_shows_in_the_counts_of_the_next_view()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 7, 2));
        using var client = database.Site.CreatePageClient();
        var before = WithdrawnCount(_parser.ParseDocument(await client.GetStringAsync("/")));

        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.Number,
                StatusChange.Withdraw(new DateOnly(2025, 9, 1), "Holder closed its service network", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        // Withdrawals are final, so tests running alongside can only raise the count.
        var after = WithdrawnCount(_parser.ParseDocument(await client.GetStringAsync("/")));
        after.ShouldBeGreaterThanOrEqualTo(before + 1);
    }

    [Fact]
    public async Task Every_page_links_search_and_the_code_check_and_both_answer()
    {
        using var client = database.Site.CreatePageClient();

        var page = _parser.ParseDocument(await client.GetStringAsync("/"));

        var links = page.QuerySelectorAll("nav.site-nav a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent)).ToList();
        links.ShouldBe([("/search", "搜索"), ("/verify", "核验二维码")]);
        foreach (var (href, _) in links)
        {
            (await client.GetAsync(href)).StatusCode.ShouldBe(HttpStatusCode.OK, href);
        }
    }

    [Fact]
    public async Task English_is_chosen_with_lang_and_remembered_in_a_cookie()
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync("/?lang=en");

        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("[data-testid=status-counts] tbody tr th")!.TextContent.ShouldBe("Valid");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains(".AspNetCore.Culture=c%3Den%7Cuic%3Den"));
    }

    [Fact]
    public async Task Certificate_page_shows_status_and_full_history()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 1, 10));
        await SuspendAsync(certificate.Number, body, new DateOnly(2026, 3, 1), published: TestClocks.ChinaNoon(2026, 3, 10));
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates/{certificate.NormalizedNumber}?lang=en");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=status]")!.GetAttribute("data-status").ShouldBe("Suspended");
        page.QuerySelector("[data-testid=number]")!.TextContent.ShouldBe(certificate.Number);
        page.QuerySelector("[data-testid=holder]")!.TextContent.ShouldContain("杭州测试");
        page.QuerySelectorAll("[data-testid=history] tbody tr").Select(r => r.GetAttribute("data-kind")).ShouldBe(["Suspended", "Issued"]);
        page.QuerySelector("[data-testid=status] .as-of")!.TextContent.ShouldStartWith("Status as of ");
        page.QuerySelector("[data-testid=category-scores]")!.TextContent.ShouldBe("service system 93.0 · commodity service 91.0 · customer service 94.0");
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{0:lower}")]
    [InlineData("{0:fullwidth}")]
    [InlineData("{0:spaced}")]
    public async Task Any_typing_of_the_number_leads_to_the_certificate(string form)
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 8, 1));
        var typed = form switch
        {
            "{0:lower}" => certificate.Number.ToLowerInvariant(),
            "{0:fullwidth}" => new string(certificate.Number.Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray()),
            "{0:spaced}" => string.Join(" / ", certificate.Number.Split('-')),
            _ => certificate.Number,
        };
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates/{Uri.EscapeDataString(typed)}");

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.ShouldBe($"/certificates/{certificate.NormalizedNumber}");
        (await client.GetAsync(response.Headers.Location)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_look_up_form_redirects_to_the_certificate()
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 8, 2));
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates?number={Uri.EscapeDataString(certificate.Number.ToLowerInvariant())}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe($"/certificates/{certificate.NormalizedNumber}");
    }

    [Fact]
    public async Task An_unknown_number_gives_a_friendly_404_page()
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync("/certificates/ZZZ9999999999");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=problem]")!.TextContent.ShouldContain("ZZZ9999999999");
    }

    [Theory]
    [InlineData("!!")]
    [InlineData("AB")]
    [InlineData("证书编号一二三四五六")]
    [InlineData("ABC%01DEF123")]
    [InlineData("ABC%ED%A0%80DEF123")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("①②③④⑤⑥⑦")]
    public async Task A_malformed_number_gives_a_friendly_400_page(string escaped)
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates/{escaped}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        var page = _parser.ParseDocument(html);
        // A number the page reads explains itself there; text no page may read (a control character, an unpaired
        // surrogate) is refused before any page, with the site's error page saying what was wrong.
        (page.QuerySelector("[data-testid=problem]") ?? page.QuerySelector("[data-testid=error-detail]"))!.TextContent.ShouldNotBeNullOrWhiteSpace();
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task A_very_long_number_gives_a_400_page_not_a_500()
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates/{new string('A', 5000)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_past_date_shows_what_was_in_effect_and_what_was_published()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 1, 10));
        await SuspendAsync(certificate.Number, body, new DateOnly(2026, 3, 1), published: TestClocks.ChinaNoon(2026, 3, 10));
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates/{certificate.NormalizedNumber}?on=2026-03-05");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=in-effect]")!.GetAttribute("data-status").ShouldBe(nameof(CertificateStatus.Suspended));
        page.QuerySelector("[data-testid=as-published]")!.GetAttribute("data-status").ShouldBe(nameof(CertificateStatus.Valid));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2026-13-01")]
    [InlineData("05/03/2026")]
    public async Task A_malformed_date_gives_a_400_page(string on)
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 9, 1));
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates/{certificate.NormalizedNumber}?on={Uri.EscapeDataString(on)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/error/500")]
    [InlineData("/certificates/")]
    public async Task Unknown_addresses_give_a_friendly_404_page(string path)
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("data-status=\"404\"");
        }
    }

    [Fact]
    public async Task The_stylesheet_is_served_by_the_site_itself()
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync("/css/site.css");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(".verdict");
    }

    private async Task SuspendAsync(string number, Registry.Domain.Certificates.CertificationBody body, DateOnly effective, DateTimeOffset published)
    {
        await using var db = database.CreateContext();
        await new CertificatePublisher(db, TestClocks.At(published)).ChangeAsync(number,
            StatusChange.Suspend(effective, "Repair outlets failed the surveillance audit", "x"), TestRegistry.Actor(body), CancellationToken.None);
    }

    private static int WithdrawnCount(AngleSharp.Html.Dom.IHtmlDocument page) =>
        ParseCount(page.QuerySelector("[data-testid=status-counts] tbody tr[data-status=Withdrawn] td")!.TextContent);

    private static int ParseCount(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
