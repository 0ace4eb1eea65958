using AngleSharp.Html.Parser;

namespace Registry.Web.Tests.Site;

/// <summary>What every page of the site shares: navigation, language, the 404 page and the stylesheet.</summary>
public sealed class PageTests(RegistryDatabase database)
{
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task Every_page_links_search_the_code_check_and_the_list_check_and_each_answers()
    {
        using var client = database.Site.CreatePageClient();

        var page = _parser.ParseDocument(await client.GetStringAsync("/"));

        var links = page.QuerySelectorAll("nav.site-nav a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent)).ToList();
        links.ShouldBe([("/search", "搜索"), ("/verify", "核验二维码"), ("/check", "批量核验")]);
        foreach (var (href, _) in links)
        {
            (await client.GetAsync(href)).StatusCode.ShouldBe(HttpStatusCode.OK, href);
        }
    }

    [Fact]
    public async Task English_is_chosen_with_lang_and_remembered_in_a_cookie()
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync("/?lang=en");

        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.DocumentElement.GetAttribute("lang").ShouldBe("en");
        page.QuerySelector("[data-testid=status-counts] tbody tr th")!.TextContent.ShouldBe("Valid");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains(".AspNetCore.Culture=c%3Den%7Cuic%3Den"));
    }

    [Fact]
    public async Task The_language_switch_keeps_the_page_and_its_query()
    {
        using var client = database.Site.CreatePageClient();

        var html = await (await SearchPages.GetAsync(client, "/search?q=%E7%94%B5%E6%A2%AF&status=Valid&status=Suspended&lang=zh-CN")).Content.ReadAsStringAsync();

        var links = _parser.ParseDocument(html).QuerySelectorAll("nav.languages a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldBe([
            "/search?q=%E7%94%B5%E6%A2%AF&status=Valid&status=Suspended&lang=zh-CN",
            "/search?q=%E7%94%B5%E6%A2%AF&status=Valid&status=Suspended&lang=en",
        ]);
        var english = _parser.ParseDocument(await (await SearchPages.GetAsync(client, links[1]!)).Content.ReadAsStringAsync());
        english.DocumentElement.GetAttribute("lang").ShouldBe("en");
        english.QuerySelector("input#q")!.GetAttribute("value").ShouldBe("电梯");
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/error/500")]
    [InlineData("/certificates/")]
    public async Task Unknown_addresses_give_a_friendly_404_page(string path)
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            (await response.Content.ReadAsStringAsync()).ShouldContain("data-status=\"404\"");
        }
    }

    [Fact]
    public async Task The_stylesheet_is_served_by_the_site_itself()
    {
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync("/css/site.css");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(".verdict");
    }
}
