using AngleSharp.Html.Parser;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Home;

/// <summary>The home page (Features/Home): counts by status and level, and a change showing in the next view.</summary>
public sealed class HomePageTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task Home_page_shows_counts_by_status_and_level_in_chinese_by_default()
    {
        await _registry.IssueAsync(new DateOnly(2025, 7, 1));
        await PageCacheSync.CaughtUpAsync(database);
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

        // The home page may come from the output cache until the instance has applied the change (milliseconds), never after.
        await PageCacheSync.CaughtUpAsync(database);

        // Withdrawals are final, so tests running alongside can only raise the count.
        var after = WithdrawnCount(_parser.ParseDocument(await client.GetStringAsync("/")));
        after.ShouldBeGreaterThanOrEqualTo(before + 1);
    }

    private static int WithdrawnCount(AngleSharp.Html.Dom.IHtmlDocument page) =>
        ParseCount(page.QuerySelector("[data-testid=status-counts] tbody tr[data-status=Withdrawn] td")!.TextContent);

    private static int ParseCount(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
