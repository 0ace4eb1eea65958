using Microsoft.Playwright;

namespace Registry.Web.Tests.Site;

/// <summary>
/// Every page of the site in headless Chromium with JavaScript on: the Content-Security-Policy the site sends blocks
/// nothing the page itself needs (no violation event, no console message about the policy), so the policy can stay
/// strict, and a page put in a frame is refused.
/// </summary>
public sealed class ContentSecurityPolicyBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Fact]
    public async Task No_page_of_the_site_violates_its_policy()
    {
        var (certificate, _) = await new TestRegistry(database).IssueAsync(new DateOnly(2025, 10, 20));
        var address = database.BrowserSiteAddress;
        string[] paths =
        [
            "/", "/?lang=en", "/search", "/search?q=%E6%B5%8B%E8%AF%95", "/search?q=test&level=four-star",
            $"/certificates/{certificate.NormalizedNumber}", $"/certificates/{certificate.NormalizedNumber}?on=2025-11-01",
            "/verify", "/verify/upload", "/v/AAAAAAAA", "/certificates/%E2%91%A0", "/no-such-page", "/search?q=a%00b", "/graphql",
        ];
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.log('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(new Uri(address, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            response.ShouldNotBeNull(path);
            (await response.HeaderValueAsync("content-security-policy")).ShouldNotBeNull(path);
            if (path == "/search?q=%E6%B5%8B%E8%AF%95")
            {
                // The type-ahead script runs: typing asks for suggestions under the same policy.
                await page.FillAsync("input#q", "测试");
                await page.WaitForTimeoutAsync(400);
            }
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_page_framed_by_another_site_is_not_shown()
    {
        var address = database.BrowserSiteAddress;
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) => blocked.Add(message.Text);
        await page.SetContentAsync($"<iframe id=f src=\"{new Uri(address, "/verify/upload")}\"></iframe>");
        await page.WaitForTimeoutAsync(1000);

        var frame = page.Frames.FirstOrDefault(f => f.Url.Contains("/verify/upload", StringComparison.Ordinal));
        var framedContent = frame is null ? string.Empty : await frame.ContentAsync();
        framedContent.ShouldNotContain("type=\"file\"", Case.Sensitive, "frame-ancestors 'none' keeps the upload form out of any frame");
    }
}
