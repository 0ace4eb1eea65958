using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Registry.Web.Tests.Receipts;

/// <summary>Receipts as a procurement officer makes, prints and re-checks them, in headless Chromium with JavaScript off.</summary>
public sealed partial class ReceiptBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Fact]
    public async Task A_bulk_check_becomes_a_receipt_that_prints_on_a4_and_is_checked_again_at_its_address()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using (var browserSite = new HttpClient { BaseAddress = database.BrowserSiteAddress })
        {
            await SearchPages.WaitUntilFoundAsync(browserSite, companies.Withdrawn.NormalizedNumber);
        }

        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check").ToString());
        await page.FillAsync("#check-list", $"{companies.Valid.Name}\n{companies.Withdrawn.Number}\nTST-2099-NEVER-ISSUED-7");
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=check-results]");
        await page.ClickAsync("[data-testid=make-receipt]");

        await page.WaitForSelectorAsync("[data-testid=receipt]");
        var id = (await page.GetAttributeAsync("[data-testid=receipt]", "data-id")).ShouldNotBeNull();
        new Uri(page.Url).AbsolutePath.ShouldBe($"/receipts/{id}");
        (await page.GetAttributeAsync("[data-testid=receipt]", "data-genuine")).ShouldBe("true");
        (await page.Locator("[data-testid=receipt-row]").CountAsync()).ShouldBe(3);
        (await page.InnerTextAsync("[data-testid=receipt-check]")).ShouldContain("回执真实有效");
        var thenStatuses = await Task.WhenAll((await page.Locator("[data-testid=status-then]").AllAsync()).Select(s => s.GetAttributeAsync("data-status")));
        thenStatuses.ShouldBe(["VALID", "WITHDRAWN"]);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await page.IsVisibleAsync(".site-header")).ShouldBeFalse("no navigation on paper");
        (await page.IsVisibleAsync("[data-testid=receipt-download]")).ShouldBeFalse();
        var qr = await page.Locator("[data-testid=receipt-qr]").ScreenshotAsync();
        (await Zbar.DecodeAsync(qr)).ShouldBe($"HTTPS://127.0.0.1:8080/RECEIPTS/{id.ToUpperInvariant()}", "the printed QR code carries the receipt's address");
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var box = MediaBox().Match(Encoding.Latin1.GetString(pdf));
        box.Success.ShouldBeTrue("the PDF has a page size");
        double.Parse(box.Groups["w"].Value, CultureInfo.InvariantCulture).ShouldBe(595.3, 1.5, "A4 is 210 mm wide");
        double.Parse(box.Groups["h"].Value, CultureInfo.InvariantCulture).ShouldBe(841.9, 1.5, "and 297 mm high");

        // Opened again later from its address, by someone else: the signature is checked again.
        var other = await NewPageAsync("en");
        await other.GotoAsync(new Uri(database.BrowserSiteAddress, $"/receipts/{id.ToUpperInvariant()}?lang=en").ToString());
        (await other.GetAttributeAsync("[data-testid=receipt]", "data-genuine")).ShouldBe("true");
        (await other.InnerTextAsync("[data-testid=receipt-check]")).ShouldContain("Genuine receipt");
    }

    [Fact]
    public async Task A_certificate_receipt_changed_in_the_database_is_reported_as_not_genuine()
    {
        var (certificate, _) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 2, 6));
        var page = await NewPageAsync("en");
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, $"/certificates/{certificate.NormalizedNumber}?lang=en").ToString());
        await page.ClickAsync("[data-testid=receipt-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=receipt]");
        var id = (await page.GetAttributeAsync("[data-testid=receipt]", "data-id")).ShouldNotBeNull();
        (await page.GetAttributeAsync("[data-testid=receipt]", "data-genuine")).ShouldBe("true");

        await TestSupport.Receipts.TamperAsync(database, id, "\"status\":\"VALID\"", "\"status\":\"SUSPENDED\"");
        await page.ReloadAsync();

        (await page.GetAttributeAsync("[data-testid=receipt]", "data-genuine")).ShouldBe("false");
        (await page.GetAttributeAsync("[data-testid=receipt-check]", "data-code")).ShouldBe("BAD_SIGNATURE");
        (await page.InnerTextAsync("[data-testid=receipt-check]")).ShouldContain("Not genuine", Case.Insensitive);
        (await page.Locator("[data-testid=receipt-rows]").CountAsync()).ShouldBe(0);
    }

    private async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = locale, AcceptDownloads = true });
        return await context.NewPageAsync();
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[0-9.]+)\s+(?<h>[0-9.]+)\s*\]")]
    private static partial Regex MediaBox();
}
