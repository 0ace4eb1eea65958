using Microsoft.Playwright;
using MiniExcelLibs;

namespace Registry.Web.Tests.Checks;

/// <summary>/check as a procurement officer uses it, in headless Chromium with JavaScript off.</summary>
public sealed class CheckPageBrowserTests(RegistryDatabase database) : BrowserTest
{
    static CheckPageBrowserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task A_gbk_csv_is_checked_filtered_and_downloaded_as_the_table_shows_it()
    {
        var companies = await ReadyAsync();
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check").ToString());

        var csv = Encoding.GetEncoding("GBK").GetBytes($"序号,公司名称,证书编号\r\n1,{companies.Valid.Name},\r\n2,,{companies.Withdrawn.Number}\r\n3,不存在的测试公司甲乙丙丁,\r\n");
        await page.SetInputFilesAsync("#check-file", new FilePayload { Name = "投标人名单.csv", MimeType = "text/csv", Buffer = csv });
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");

        await page.WaitForSelectorAsync("[data-testid=check-results]");
        (await page.InnerTextAsync("[data-testid=check-summary]")).ShouldContain("GB18030");
        (await Statuses(page)).ShouldBe(["Valid", "Withdrawn"]);
        (await page.Locator("[data-testid=reason]").GetAttributeAsync("data-code")).ShouldBe("NO_HOLDER_BY_NAME");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("check-gbk"), FullPage = true });

        await page.SelectOptionAsync("#check-show", "NotValid");
        await page.ClickAsync("[data-testid=check-apply]");
        await page.WaitForSelectorAsync("[data-testid=check-results]");
        (await Statuses(page)).ShouldBe(["Withdrawn"]);
        (await page.Locator("[data-testid=check-row]").CountAsync()).ShouldBe(2, "the withdrawn row and the row with nothing found");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-csv]"));
        download.SuggestedFilename.ShouldEndWith(".csv");
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]).ShouldBeTrue();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4, "a header and every row of the list, whatever the page's filter shows");
        lines[1].ShouldContain(companies.Valid.Number);
        lines[1].ShouldContain("有效");
        lines[2].ShouldContain(companies.Withdrawn.Number);
        lines[2].ShouldContain("撤销");
        lines[3].ShouldContain("未找到");
    }

    [Fact]
    public async Task An_xlsx_and_pasted_text_are_checked_and_the_workbook_downloads()
    {
        var companies = await ReadyAsync();
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check").ToString());
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[]
        {
            new Dictionary<string, object> { ["统一社会信用代码"] = companies.Withdrawn.CreditCode },
            new Dictionary<string, object> { ["统一社会信用代码"] = "91370200163562681H" },
        }, excelType: ExcelType.XLSX);

        await page.SetInputFilesAsync("#check-file", new FilePayload
        {
            Name = "bidders.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = workbook.ToArray(),
        });
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");

        await page.WaitForSelectorAsync("[data-testid=check-results]");
        (await Statuses(page)).ShouldBe(["Withdrawn"]);
        (await page.Locator("[data-testid=reason]").GetAttributeAsync("data-code")).ShouldBe("CREDIT_CODE_CHECK_FAILED");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-xlsx]"));
        await using (var file = File.OpenRead(await download.PathAsync()))
        {
            var rows = file.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            rows.Count.ShouldBe(2);
            rows[0]["证书编号"].ShouldBe(companies.Withdrawn.Number);
            rows[0]["当前状态"].ShouldBe("撤销");
        }

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check?lang=en").ToString());
        await page.FillAsync("#check-list", $"{companies.Valid.Number}\n{companies.Valid.Name}");
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=check-results]");
        (await Statuses(page)).ShouldBe(["Valid", "Valid"]);
        (await page.InnerTextAsync("[data-testid=check-summary]")).ShouldContain("pasted text");
    }

    private async Task<CheckedCompanies> ReadyAsync()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using var browserSite = new HttpClient { BaseAddress = database.BrowserSiteAddress };
        await SearchPages.WaitUntilFoundAsync(browserSite, companies.Valid.NormalizedNumber);
        await SearchPages.WaitUntilFoundAsync(browserSite, companies.Withdrawn.NormalizedNumber);
        return companies;
    }

    private static async Task<IReadOnlyList<string?>> Statuses(IPage page) =>
        [.. await Task.WhenAll((await page.Locator("[data-testid=status]").AllAsync()).Select(s => s.GetAttributeAsync("data-status")))];

    private async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN", AcceptDownloads = true });
        return await context.NewPageAsync();
    }
}
