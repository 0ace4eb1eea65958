using Microsoft.Playwright;

namespace Registry.Web.Tests.Site;

/// <summary>
/// The README's pictures: the verify page and a bulk check's result on a phone, search results and a receipt on a desktop. Each
/// test also checks what it photographs; ops/screenshots copies the files into web/screenshots/.
/// </summary>
public sealed class ScreenshotBrowserTests(RegistryDatabase database) : BrowserTest
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    [Fact]
    public async Task Phone_verify_page_and_bulk_check_result()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using (var browserSite = new HttpClient { BaseAddress = database.BrowserSiteAddress })
        {
            await SearchPages.WaitUntilFoundAsync(browserSite, companies.Withdrawn.NormalizedNumber);
        }

        var page = await PageAsync(Phone);
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/verify").ToString());
        (await page.IsVisibleAsync("#code")).ShouldBeTrue();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("phone-verify"), FullPage = true });

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check").ToString());
        await page.FillAsync("#check-list", $"{companies.Valid.Name}\n{companies.Withdrawn.Number}\n91370200163562681H");
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=check-results]");
        (await page.Locator("[data-testid=check-row]").CountAsync()).ShouldBe(3);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("phone-check"), FullPage = true });
    }

    [Fact]
    public async Task Desktop_search_results()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        var page = await PageAsync(Desktop);
        using (var browserSite = new HttpClient { BaseAddress = database.BrowserSiteAddress })
        {
            await SearchPages.WaitUntilFoundAsync(browserSite, companies.Valid.NormalizedNumber);
        }

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/search?q=%E6%9D%AD%E5%B7%9E%E6%B5%8B%E8%AF%95").ToString());
        (await page.Locator("[data-testid=hits] li").CountAsync()).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("desktop-search"), FullPage = false });
    }

    [Fact]
    public async Task Desktop_receipt()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using (var browserSite = new HttpClient { BaseAddress = database.BrowserSiteAddress })
        {
            await SearchPages.WaitUntilFoundAsync(browserSite, companies.Withdrawn.NormalizedNumber);
        }

        var page = await PageAsync(Desktop);
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check").ToString());
        await page.FillAsync("#check-list", $"{companies.Valid.Name}\n{companies.Withdrawn.Number}\n91370200163562681H");
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=check-results]");
        await page.ClickAsync("[data-testid=make-receipt]");
        await page.WaitForSelectorAsync("[data-testid=receipt]");
        (await page.GetAttributeAsync("[data-testid=receipt]", "data-genuine")).ShouldBe("true");
        (await page.Locator("[data-testid=receipt-row]").CountAsync()).ShouldBe(3);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("desktop-receipt"), FullPage = true });
    }

    private async Task<IPage> PageAsync(ViewportSize viewport)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = viewport });
        return await context.NewPageAsync();
    }
}
