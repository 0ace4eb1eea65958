using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.Bodies;

/// <summary>/bodies and /bodies/{code} on the in-process site against the shared test database.</summary>
public sealed class BodyPagesTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task A_bodys_page_shows_its_facts_counts_and_live_signing_keys()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 2, 2));
        var key = await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(body.Code, "test", TestContext.Current.CancellationToken);
        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/bodies/{body.Code}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")!.TextContent.ShouldBe(body.NameZh);
        page.QuerySelector("[data-testid=approval-number]")!.TextContent.ShouldBe(body.ApprovalNumber);
        page.QuerySelector("[data-testid=body-counts] [data-status=Valid] td")!.TextContent.ShouldBe("1");
        page.QuerySelector("[data-testid=body-counts] [data-testid=total]")!.TextContent.ShouldBe("1");
        page.QuerySelector("[data-testid=body-counts] [data-level=four-star] td")!.TextContent.ShouldBe("1");
        page.QuerySelector($"[data-testid=signing-keys] tr[data-kid='{key.Kid}']")!.GetAttribute("data-state").ShouldBe("Active");
        page.QuerySelector("[data-testid=body-search]")!.GetAttribute("href").ShouldBe($"/search?body={body.Code}");
        certificate.BodyId.ShouldBe(body.Id);
    }

    [Fact]
    public async Task The_directory_lists_every_body_with_its_counts()
    {
        var (_, body) = await _registry.IssueAsync(new DateOnly(2026, 2, 3));
        using var client = database.Site.CreatePageClient();

        var page = _parser.ParseDocument(await client.GetStringAsync("/bodies"));

        var row = page.QuerySelector($"[data-testid=body-directory] tr[data-body='{body.Code}']");
        row.ShouldNotBeNull();
        row.QuerySelector("td[data-status=Valid]")!.TextContent.ShouldBe("1");
        row.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/bodies/{body.Code}");
    }

    [Fact]
    public async Task Codes_typed_any_way_redirect_and_unknown_or_odd_codes_are_friendly_404s()
    {
        var body = await _registry.AddBodyAsync();
        using var client = database.Site.CreatePageClient();

        var redirect = await client.GetAsync($"/bodies/{body.Code.ToLowerInvariant()}");
        redirect.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        redirect.Headers.Location!.ToString().ShouldBe($"/bodies/{body.Code}");
        foreach (var path in new[] { "/bodies/NOSUCHBODY99", "/bodies/%3Cscript%3E", "/bodies/" + new string('A', 300) })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).ShouldContain("data-status=\"404\"");
        }
    }
}
