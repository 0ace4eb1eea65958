using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Signing.Claims;
using Registry.Signing.Payloads;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.StaffConsole.Staff;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>A publisher suspends and reinstates a certificate in the console; the public page and the verify page follow at once, and the audit log names them.</summary>
public sealed class ConsoleChangeBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Fact]
    public async Task A_suspension_and_a_reinstatement_in_the_console_show_on_the_public_and_verify_pages_at_once()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 3, 6));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        var scan = await ScanPathAsync(certificate, body);
        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
        var violations = new List<string>();
        await ConsoleStaff.SignInAsync(page, database, member);

        await page.ClickAsync("[data-testid=console-nav-certificates]");
        await page.WaitForSelectorAsync("[data-testid=console-certificates]");
        await AxeAsync(page, violations);
        await page.ClickAsync($"[data-testid=console-row][data-number='{certificate.NormalizedNumber}'] a");
        await page.WaitForSelectorAsync("[data-testid=console-certificate]");
        await AxeAsync(page, violations);

        await page.FillAsync("#reason-suspend", "监督审核逾期 (surveillance audit overdue)");
        await page.ClickAsync("[data-testid=console-change-suspend] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=console-confirm]");
        (await page.InnerTextAsync("[data-testid=console-confirm]")).ShouldContain("暂停");
        await AxeAsync(page, violations);
        await page.ClickAsync("[data-testid=console-apply]");
        await page.WaitForSelectorAsync("[data-testid=console-done]");
        (await page.GetAttributeAsync("[data-testid=console-certificate]", "data-status")).ShouldBe("Suspended");

        var visitor = await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" })).NewPageAsync();
        await visitor.GotoAsync(new Uri(database.BrowserSiteAddress, $"/certificates/{certificate.NormalizedNumber}").ToString());
        (await visitor.GetAttributeAsync("[data-testid=status]", "data-status")).ShouldBe("Suspended");
        await visitor.GotoAsync(new Uri(database.BrowserSiteAddress, scan).ToString());
        (await visitor.GetAttributeAsync("[data-testid=verdict]", "data-status")).ShouldBe("Suspended");

        await page.FillAsync("#reason-reinstate", "整改完成 (corrective actions verified)");
        await page.ClickAsync("[data-testid=console-change-reinstate] button[type=submit]");
        await page.ClickAsync("[data-testid=console-apply]");
        await page.WaitForSelectorAsync("[data-testid=console-done]");
        await visitor.GotoAsync(new Uri(database.BrowserSiteAddress, scan).ToString());
        (await visitor.GetAttributeAsync("[data-testid=verdict]", "data-status")).ShouldBe("Valid");
        await visitor.GotoAsync(new Uri(database.BrowserSiteAddress, $"/certificates/{certificate.NormalizedNumber}").ToString());
        (await visitor.GetAttributeAsync("[data-testid=status]", "data-status")).ShouldBe("Valid");

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/console/audit").ToString());
        (await page.Locator("[data-testid=audit-row]").CountAsync()).ShouldBe(2);
        (await page.InnerTextAsync("[data-testid=audit-row] [data-testid=audit-who]")).ShouldBe("测试员 " + body.Code);
        await AxeAsync(page, violations);
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/console/keys").ToString());
        (await page.Locator("[data-testid=key-row]").CountAsync()).ShouldBe(1, "the key that signed the plaque");
        await AxeAsync(page, violations);

        await using var db = database.CreateContext();
        var audited = await db.AuditEntries.Where(e => e.BodyId == body.Id).OrderBy(e => e.Id).Select(e => new { e.Operation, e.StaffName }).ToListAsync();
        audited.Select(e => (e.Operation, e.StaffName)).ShouldBe([("suspend", "测试员 " + body.Code), ("reinstate", "测试员 " + body.Code)]);
        violations.ShouldBeEmpty();
    }

    /// <summary>The /v/ path of a plaque code the body signs with a key of its own.</summary>
    private async Task<string> ScanPathAsync(Registry.Domain.Certificates.Certificate certificate, Registry.Domain.Certificates.CertificationBody body)
    {
        var keys = database.Site.Services.GetRequiredService<SigningKeyStore>();
        await keys.CreateAsync(body.Code, "console test", CancellationToken.None);
        await using var db = database.CreateContext();
        var holder = await db.Organisations.SingleAsync(o => o.Id == certificate.OrganisationId);
        using var active = (await keys.ActiveForAsync(body.Id, CancellationToken.None))!;
        var claims = new QrClaims(QrClaims.CurrentVersion, certificate.NormalizedNumber, holder.CreditCode, certificate.Level, certificate.IssuedOn,
            certificate.ExpiresOn, Medium.Plaque, 3, Registry.Domain.Time.RegistryCalendar.Today(TimeProvider.System));
        var link = VerifyUrl.Build(VerificationOptions.LocalDefault, new PayloadSigner(active.PrivateKey).Sign(claims));
        return "/v/" + link[(link.IndexOf("/V/", StringComparison.Ordinal) + 3)..];
    }

    private static async Task AxeAsync(IPage page, List<string> violations) => violations.AddRange(await Axe.SeriousViolationsAsync(page));
}
