using Microsoft.Playwright;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>A new publisher's first day in headless Chromium: activation link, password, authenticator, console; then a sign-in with a code; axe on each page.</summary>
public sealed class ConsoleSignInBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Fact]
    public async Task A_publisher_activates_sets_up_totp_and_signs_in_with_a_code_the_test_computes()
    {
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, setPassword: false);
        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, member.ActivationLink.PathAndQuery).ToString());
        await AxeAsync(page, violations);
        await page.FillAsync("#password", ConsoleStaff.GoodPassword);
        await page.FillAsync("#repeat", ConsoleStaff.GoodPassword);
        await page.ClickAsync("[data-testid=activate] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=activated]");

        await page.ClickAsync("[data-testid=activated] + p a");
        await AxeAsync(page, violations);
        await page.FillAsync("#email", member.Email);
        await page.FillAsync("#password", ConsoleStaff.GoodPassword);
        await page.ClickAsync("[data-testid=sign-in] button[type=submit]");

        await page.WaitForSelectorAsync("[data-testid=two-factor]");
        new Uri(page.Url).AbsolutePath.ShouldBe("/console/two-factor", "a publisher sets up the second factor before anything else");
        await AxeAsync(page, violations);
        var key = (await page.InnerTextAsync("[data-testid=authenticator-key]")).Trim();
        await page.FillAsync("#code", ConsoleStaff.TotpCode(key));
        await page.ClickAsync("[data-testid=two-factor] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=recovery-codes]");
        (await page.Locator("[data-testid=recovery-codes] li").CountAsync()).ShouldBe(10);

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/console").ToString());
        (await page.GetAttributeAsync("[data-testid=console]", "data-body")).ShouldBe(member.Body.Code);
        await AxeAsync(page, violations);
        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForSelectorAsync("[data-testid=sign-in]");

        await page.FillAsync("#email", member.Email);
        await page.FillAsync("#password", ConsoleStaff.GoodPassword);
        await page.ClickAsync("[data-testid=sign-in] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=sign-in-code]");
        await AxeAsync(page, violations);
        await page.FillAsync("#code", ConsoleStaff.TotpCode(key));
        await page.ClickAsync("[data-testid=sign-in-code] form:first-of-type button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=console]");
        (await page.InnerTextAsync("[data-testid=signed-in-as]")).ShouldContain("测试员");

        violations.ShouldBeEmpty();
    }

    private static async Task AxeAsync(IPage page, List<string> violations) => violations.AddRange(await Axe.SeriousViolationsAsync(page));
}
