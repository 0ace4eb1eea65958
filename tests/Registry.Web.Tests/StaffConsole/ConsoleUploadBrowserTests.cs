using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>
/// An administrator in Chromium: a bulk upload whose preview refuses a bad row and applies the rest only on confirmation,
/// a plaque print, a key rotation, the audit log naming them for each, and every console page they reach checked with axe.
/// </summary>
public sealed class ConsoleUploadBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Fact]
    public async Task A_bulk_upload_a_plaque_print_a_key_rotation_and_the_administration_pages_work_in_the_browser_without_serious_violations()
    {
        var registry = new TestRegistry(database);
        var (certificate, body) = await registry.IssueAsync(new DateOnly(2026, 8, 1));
        await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(body.Code, "console browser test", CancellationToken.None);
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: body);
        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", AcceptDownloads = true })).NewPageAsync();
        var violations = new List<string>();
        await ConsoleStaff.SignInAsync(page, database, member);

        await page.ClickAsync("[data-testid=console-nav-uploads]");
        await page.WaitForSelectorAsync("[data-testid=console-uploads]");
        await AxeAsync(page, violations);
        var csv = Encoding.UTF8.GetBytes($"operation,number,effective_on,reason\nsuspend,{certificate.NormalizedNumber},{PublishingApiClient.Today},监督审核逾期\nsuspend,NO-SUCH-0001,{PublishingApiClient.Today},x\n");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "本月变更.csv", MimeType = "text/csv", Buffer = csv });
        await page.ClickAsync("[data-testid=upload-submit]");
        await page.WaitForSelectorAsync("[data-testid=console-upload]");
        (await page.GetAttributeAsync("[data-testid=preview-counts]", "data-refused")).ShouldBe("1");
        (await page.Locator("[data-outcome=refused-in-preview]").InnerTextAsync()).ShouldContain("CERTIFICATE_NOT_FOUND");
        await AxeAsync(page, violations);
        await using (var db = database.CreateContext())
        {
            (await db.Certificates.SingleAsync(c => c.Id == certificate.Id)).EventCount.ShouldBe(1, "nothing before the confirmation");
        }

        await page.ClickAsync("[data-testid=upload-apply]");
        await page.WaitForSelectorAsync("[data-testid=upload-applied]");
        (await page.GetAttributeAsync("[data-testid=upload-counts]", "data-applied")).ShouldBe("1");
        await AxeAsync(page, violations);
        var visitor = await (await Browser.NewContextAsync()).NewPageAsync();
        await visitor.GotoAsync(new Uri(database.BrowserSiteAddress, $"/certificates/{certificate.NormalizedNumber}").ToString());
        (await visitor.GetAttributeAsync("[data-testid=status]", "data-status")).ShouldBe("Suspended");

        // Reinstated so that plaques may be signed, then three plaques printed.
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, $"/console/certificates/{certificate.NormalizedNumber}").ToString());
        await page.FillAsync("#reason-reinstate", "整改完成");
        await page.ClickAsync("[data-testid=console-change-reinstate] button[type=submit]");
        await page.ClickAsync("[data-testid=console-apply]");
        await page.WaitForSelectorAsync("[data-testid=console-done]");
        await AxeAsync(page, violations);
        await page.SelectOptionAsync("#print-medium", "plaque");
        await page.FillAsync("#print-count", "3");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=print-submit]"));
        download.SuggestedFilename.ShouldBe($"{certificate.NormalizedNumber}-plaques-000001-000003.zip");
        using (var zip = new ZipArchive(File.OpenRead(await download.PathAsync())))
        {
            zip.Entries.Count.ShouldBe(3);
        }

        foreach (var (nav, ready) in new[]
                 {
                     ("console-nav-new", "console-new"), ("console-nav-api-keys", "console-api-keys"), ("console-nav-staff", "console-staff"),
                     ("console-nav-audit", "console-audit"), ("console-nav-keys", "console-keys"),
                 })
        {
            await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/console").ToString());
            await page.ClickAsync($"[data-testid={nav}]");
            await page.WaitForSelectorAsync($"[data-testid={ready}]");
            await AxeAsync(page, violations);
        }

        // A key rotation: the page is on /console/keys now.
        await page.CheckAsync("#rotate-confirm");
        await page.ClickAsync("[data-testid=rotate-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=keys-done]");
        (await page.Locator("[data-testid=key-row]").CountAsync()).ShouldBe(2, "the retired key and its successor");
        await AxeAsync(page, violations);

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/console/audit").ToString());
        var who = await page.Locator("[data-testid=audit-row] [data-testid=audit-who]").AllInnerTextsAsync();
        who.Count.ShouldBe(4, "the uploaded suspension, the reinstatement, the print order and the rotation");
        who.ShouldAllBe(name => name == "测试员 " + body.Code);
        violations.ShouldBeEmpty();
    }

    private static async Task AxeAsync(IPage page, List<string> violations) => violations.AddRange(await Axe.SeriousViolationsAsync(page));
}
