using Microsoft.Playwright;

namespace Registry.Web.Tests.Verification;

/// <summary>What a shopper sees right after the phone camera opens a code: headless Chromium, a phone-sized screen, no JavaScript.</summary>
[Collection(VerificationSiteGroup.Name)]
public sealed class VerifyBrowserTests(VerificationSite site) : BrowserTest
{
    [Fact]
    public async Task A_withdrawn_certificate_is_loud_on_a_phone_before_any_scrolling()
    {
        var (_, link) = await SiteScenarios.WithStatusAsync(site.Scenarios, CertificateStatus.Withdrawn);
        var page = await PhoneAsync();

        var response = await page.GotoAsync(new Uri(site.BrowserAddress, VerifyPageTests.PathOf(link)).ToString());

        response!.Status.ShouldBe(200);
        var verdict = page.Locator("[data-testid=verdict]");
        (await verdict.GetAttributeAsync("data-status")).ShouldBe("Withdrawn");
        var label = verdict.Locator("[data-testid=label]");
        (await label.InnerTextAsync()).ShouldBe("已撤销\nCERTIFICATE WITHDRAWN");
        var style = await label.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.color, s.fontSize, getComputedStyle(e.closest('section')).backgroundColor]; }");
        style[0].ShouldBe("rgb(176, 0, 32)", "withdrawn is in the alarm colour");
        Pixels(style[1]).ShouldBeGreaterThanOrEqualTo(40);
        style[2].ShouldBe("rgb(253, 231, 234)", "on the alarm wash");
        var box = (await verdict.BoundingBoxAsync())!;
        (box.Y + box.Height).ShouldBeLessThanOrEqualTo(844, "the whole verdict, with its date and reason, is on the first screen");
        box.Width.ShouldBeGreaterThan(330);
        (await verdict.Locator("[data-testid=detail]").InnerTextAsync()).ShouldContain(SiteScenarios.WithdrawalReason);
        (await verdict.Locator("[data-testid=as-of]").InnerTextAsync()).ShouldStartWith("状态截至 ");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing runs off the side of the phone");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("verify-withdrawn-phone") });
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("verify-withdrawn-phone-full"), FullPage = true });
    }

    [Fact]
    public async Task A_valid_certificate_is_calm_green_on_a_phone()
    {
        var link = await SiteScenarios.ValidAsync(site.Scenarios);
        var page = await PhoneAsync();

        await page.GotoAsync(new Uri(site.BrowserAddress, VerifyPageTests.PathOf(link)).ToString());

        var label = page.Locator("[data-testid=verdict] [data-testid=label]");
        (await label.EvaluateAsync<string>("e => getComputedStyle(e).color")).ShouldBe("rgb(15, 107, 58)");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("verify-valid-phone") });
    }

    [Fact]
    public async Task A_forged_code_is_loud_too()
    {
        var (code, scanned) = (await SiteScenarios.NotGenuineAsync(site.Scenarios))[0];
        var page = await PhoneAsync();

        await page.GotoAsync(new Uri(site.BrowserAddress, VerifyPageTests.PathOf(scanned)).ToString());

        var label = page.Locator("[data-testid=verdict] [data-testid=label]");
        (await label.EvaluateAsync<string>("e => getComputedStyle(e).color")).ShouldBe("rgb(176, 0, 32)", code);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("verify-not-genuine-phone") });
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            Locale = "zh-CN",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    private static double Pixels(string css) => double.Parse(css.Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
