using Microsoft.Playwright;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Certificates;

/// <summary>The pages as a person sees them, in headless Chromium, with JavaScript off: the site must work without it.</summary>
public sealed class CertificatePageBrowserTests(RegistryDatabase database) : BrowserTest
{
    private readonly TestRegistry _registry = new(database);
    [Fact]
    public async Task A_number_typed_in_full_width_on_the_home_page_finds_the_valid_certificate()
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 10, 1));
        var address = database.BrowserSiteAddress;
        var page = await NewPageAsync();

        await page.GotoAsync(new Uri(address, "/").ToString());
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("home"), FullPage = true });
        var typed = new string(certificate.Number.ToLowerInvariant().Select(c => c is >= '!' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());
        await page.FillAsync("#number", typed);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync($"**/certificates/{certificate.NormalizedNumber}");
        var verdict = page.Locator("[data-testid=status]");
        (await verdict.GetAttributeAsync("data-status")).ShouldBe(nameof(CertificateStatus.Valid));
        (await verdict.Locator(".verdict-label").InnerTextAsync()).ShouldBe("有效");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("certificate-valid"), FullPage = true });
    }

    [Fact]
    public async Task A_withdrawn_certificate_says_so_loudly()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 10, 2));
        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.Number,
                StatusChange.Withdraw(new DateOnly(2025, 12, 1), "Service outlets did not exist", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        var address = database.BrowserSiteAddress;
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(address, $"/certificates/{certificate.NormalizedNumber}?lang=en").ToString());

        var label = page.Locator("[data-testid=status] .verdict-label");
        (await label.InnerTextAsync()).ShouldBe("WITHDRAWN");
        var style = await label.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.color, s.fontSize]; }");
        style[0].ShouldBe("rgb(176, 0, 32)", "withdrawn is shown in the alarm colour");
        double.Parse(style[1].Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(40);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("certificate-withdrawn"), FullPage = true });
    }

    [Fact]
    public async Task A_malformed_number_shows_a_friendly_page_in_the_browser()
    {
        var address = database.BrowserSiteAddress;
        var page = await NewPageAsync();

        var response = await page.GotoAsync(new Uri(address, "/certificates/%E2%91%A0%E2%91%A1").ToString());

        response!.Status.ShouldBe(400);
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("无法理解该请求");
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN" });
        return await context.NewPageAsync();
    }
}
