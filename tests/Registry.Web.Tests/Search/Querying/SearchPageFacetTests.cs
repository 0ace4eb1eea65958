using AngleSharp.Html.Parser;

namespace Registry.Web.Tests.Search.Querying;

public sealed class SearchPageFacetTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_body_registered_after_the_list_of_bodies_was_cached_is_named_in_its_facet()
    {
        using var client = database.Site.CreatePageClient();
        // Any search loads the site's list of bodies, which is then kept for a minute.
        (await SearchPages.GetAsync(client, "/search?q=%E6%B5%8B%E8%AF%95")).Dispose();
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2025, 6, 3));

        var html = await SearchPages.WaitUntilFoundAsync(client, certificate.NormalizedNumber);

        var facet = new HtmlParser().ParseDocument(html).QuerySelector($"[data-facet=body] li[data-value='{body.Code}'] a");
        facet.ShouldNotBeNull(html);
        facet.TextContent.ShouldBe(body.NameZh);
    }
}
