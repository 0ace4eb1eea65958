using Microsoft.Playwright;

namespace Registry.Web.Tests.WatchLists;

/// <summary>A watch list saved from a bulk check and kept up through its edit link, in headless Chromium with JavaScript off.</summary>
public sealed class WatchListBrowserTests(RegistryDatabase database) : BrowserTest
{
    [Fact]
    public async Task A_check_is_saved_as_a_watch_list_then_renamed_extended_trimmed_and_deleted()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var first = await api.IssueAsync();
        var second = await api.IssueAsync();
        var later = await api.IssueAsync();
        var page = await (await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "zh-CN" })).NewPageAsync();

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, "/check").ToString());
        await page.FillAsync("#check-list", $"{first.Number}\n{second.Number}\nTST-2099-NEVER-ISSUED-5");
        await page.ClickAsync("[data-testid=check-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=check-results]");
        await page.FillAsync("#watch-name", "招标 <b>17</b>");
        await page.ClickAsync("[data-testid=save-watch-list]");

        await page.WaitForSelectorAsync("[data-testid=watch-edit]");
        (await page.InnerTextAsync("[data-testid=saved]")).ShouldContain("2");
        (await page.InnerTextAsync("[data-testid=watch-name]")).ShouldBe("招标 <b>17</b>", "HTML in a name is text");
        (await page.Locator("[data-testid=watched-row]").CountAsync()).ShouldBe(2);
        var viewPath = (await page.GetAttributeAsync("[data-testid=view-link]", "href")).ShouldNotBeNull();
        var editUrl = page.Url;

        await page.FillAsync("#watch-name", "招标 2026-17");
        await page.ClickAsync("[data-testid=rename-form] button[type=submit]");
        (await page.GetAttributeAsync("[data-testid=done]", "data-done")).ShouldBe("renamed");
        (await page.InnerTextAsync("[data-testid=watch-name]")).ShouldBe("招标 2026-17");

        await page.FillAsync("#watch-add", later.Number);
        await page.ClickAsync("[data-testid=add-form] button[type=submit]");
        (await page.GetAttributeAsync("[data-testid=done]", "data-done")).ShouldBe("added");
        (await page.Locator("[data-testid=watched-row]").CountAsync()).ShouldBe(3);

        await page.CheckAsync($"[data-testid=watched-row][data-number='{first.NormalizedNumber}'] input[type=checkbox]");
        await page.ClickAsync("[data-testid=remove-form] button[type=submit]");
        (await page.GetAttributeAsync("[data-testid=done]", "data-done")).ShouldBe("removed");
        (await page.Locator("[data-testid=watched-row]").CountAsync()).ShouldBe(2);

        await page.GotoAsync(new Uri(database.BrowserSiteAddress, viewPath).ToString());
        (await page.GetAttributeAsync("[data-testid=watch-list]", "data-count")).ShouldBe("2");
        (await page.IsVisibleAsync("[data-testid=feed-link]")).ShouldBeTrue();
        (await page.Locator("[data-testid=delete-form]").CountAsync()).ShouldBe(0, "the view link cannot delete");

        await page.GotoAsync(editUrl);
        await page.ClickAsync("[data-testid=delete-form] button[type=submit]");
        (await page.GetAttributeAsync("[data-testid=watch-problem]", "data-code")).ShouldBe("NOT_CONFIRMED");
        await page.CheckAsync("#watch-delete-confirm");
        await page.ClickAsync("[data-testid=delete-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=watch-deleted]");
        var gone = await page.GotoAsync(new Uri(database.BrowserSiteAddress, viewPath).ToString());
        gone!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task An_edit_form_posted_without_its_antiforgery_token_is_refused()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        using var pages = database.Site.CreatePageClient();
        var (edit, view) = await TestSupport.WatchLists.CreateAsync(pages, [issued.Number]);

        using var forged = await pages.PostAsync(new Uri($"/watch/edit/{edit}?handler=Delete", UriKind.Relative),
            new FormUrlEncodedContent([new("confirm", "true")]));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pages.GetAsync(new Uri($"/watch/{view}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "the list is still there");
    }
}
