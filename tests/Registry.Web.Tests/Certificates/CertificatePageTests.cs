using AngleSharp.Html.Parser;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Certificates;

/// <summary>The certificate page (Features/Certificates): status and history, any typing of the number, dates, and friendly refusals.</summary>
public sealed class CertificatePageTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);
    private readonly HtmlParser _parser = new();

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

    [Fact]
    public async Task An_instant_shows_what_the_registry_said_then_and_the_history_marks_the_back_dated_change()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 1, 10));
        await SuspendAsync(certificate.Number, body, new DateOnly(2026, 3, 1), published: TestClocks.ChinaNoon(2026, 3, 10));
        using var client = database.Site.CreatePageClient();

        var before = await PageAsync(client, $"/certificates/{certificate.NormalizedNumber}?at=2026-03-10T11:59");
        var after = await PageAsync(client, $"/certificates/{certificate.NormalizedNumber}?at=2026-03-10T12:00:01");
        var withOffset = await PageAsync(client, $"/certificates/{certificate.NormalizedNumber}?at={Uri.EscapeDataString("2026-03-10T04:00:01Z")}");

        before.QuerySelector("[data-testid=said-at]")!.GetAttribute("data-status").ShouldBe(nameof(CertificateStatus.Valid), "published at noon, so not yet said at 11:59");
        after.QuerySelector("[data-testid=said-at]")!.GetAttribute("data-status").ShouldBe(nameof(CertificateStatus.Suspended));
        withOffset.QuerySelector("[data-testid=said-at]")!.GetAttribute("data-status").ShouldBe(nameof(CertificateStatus.Suspended), "04:00:01Z is 12:00:01 in China");
        after.QuerySelector("input#at")!.GetAttribute("value").ShouldBe("2026-03-10T12:00:01");
        var rows = after.QuerySelectorAll("[data-testid=history] tbody tr").ToList();
        rows.Single(r => r.GetAttribute("data-kind") == "Suspended").GetAttribute("data-backdated-days").ShouldBe("9");
        rows.Single(r => r.GetAttribute("data-kind") == "Issued").GetAttribute("data-backdated-days").ShouldBe("0");
        after.QuerySelectorAll("[data-testid=backdated]").Length.ShouldBe(1);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2026-03-10")]
    [InlineData("1999-01-01T00:00")]
    public async Task A_malformed_instant_gives_a_400_page(string at)
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 9, 2));
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/certificates/{certificate.NormalizedNumber}?at={Uri.EscapeDataString(at)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return _parser.ParseDocument(await response.Content.ReadAsStringAsync());
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

    private async Task SuspendAsync(string number, Registry.Domain.Certificates.CertificationBody body, DateOnly effective, DateTimeOffset published)
    {
        await using var db = database.CreateContext();
        await new CertificatePublisher(db, TestClocks.At(published)).ChangeAsync(number,
            StatusChange.Suspend(effective, "Repair outlets failed the surveillance audit", "x"), TestRegistry.Actor(body), CancellationToken.None);
    }
}
