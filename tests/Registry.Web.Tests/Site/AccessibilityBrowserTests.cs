using Microsoft.Playwright;

namespace Registry.Web.Tests.Site;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) on the pages people use, in both languages, checked against WCAG 2.2 A and AA:
/// no serious or critical violation.
/// </summary>
public sealed class AccessibilityBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Fact]
    public async Task The_public_pages_have_no_serious_or_critical_violations()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 2, 5));
        string creditCode;
        await using (var db = database.CreateContext())
        {
            creditCode = (await db.Organisations.FindAsync([certificate.OrganisationId], TestContext.Current.CancellationToken))!.CreditCode;
        }

        using var pages = database.Site.CreatePageClient();
        var receipt = await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number));
        var (edit, view) = await TestSupport.WatchLists.CreateAsync(pages, [certificate.Number], "可访问性测试");
        var paths = new[]
        {
            "/", "/search?q=%E6%B5%8B%E8%AF%95", $"/certificates/{certificate.NormalizedNumber}?on=2026-03-01", "/verify", "/check",
            "/bodies", $"/bodies/{body.Code}", $"/organisations/{creditCode}", $"/receipts/{receipt}", "/receipts", $"/watch/{view}", $"/watch/edit/{edit}", "/watch", "/no/such/page",
        };
        var found = new List<string>();
        foreach (var language in new[] { "zh-CN", "en" })
        {
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = language });
            var page = await context.NewPageAsync();
            foreach (var path in paths)
            {
                await page.GotoAsync(new Uri(database.BrowserSiteAddress, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + language).ToString());
                found.AddRange(await Axe.SeriousViolationsAsync(page));
            }

            await context.DisposeAsync();
        }

        found.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_check_results_table_has_no_serious_or_critical_violations()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using (var browserSite = new HttpClient { BaseAddress = database.BrowserSiteAddress })
        {
            await SearchPages.WaitUntilFoundAsync(browserSite, companies.Valid.NormalizedNumber);
        }

        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check").ToString());
        await page.FillAsync("#check-list", $"{companies.Valid.Number}\n{companies.Withdrawn.CreditCode}\n91370200163562681H");
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=check-results]");

        (await Axe.SeriousViolationsAsync(page)).ShouldBeEmpty();
    }
}
