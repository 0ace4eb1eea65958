using Microsoft.Playwright;

namespace Registry.Web.Tests.GraphQL;

/// <summary>GraphiQL in headless Chromium: it loads from the site alone, runs a query, and breaks none of its page's policy.</summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class GraphiQLBrowserTests(GraphQLSite site) : BrowserTest
{
    [Fact]
    public async Task GraphiQL_runs_a_query_against_the_site_without_any_policy_violation_or_outside_request()
    {
        var (certificate, _) = await site.Scenarios.Registry.IssueAsync(new DateOnly(2025, 10, 5));
        var address = site.KestrelAddress;
        var page = await Browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status} {response.Url}");
            }
        };
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(address.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        var query = $"{{ certificate(number: \"{certificate.Number}\") {{ number status organisation {{ nameZh }} }} }}";

        await page.GotoAsync(new Uri(address, "/graphql?query=" + Uri.EscapeDataString(query)).ToString());
        await page.Locator(".graphiql-execute-button").ClickAsync();
        var result = page.Locator(".graphiql-response");
        await Assertions.Expect(result).ToContainTextAsync(certificate.Number, new() { Timeout = 15_000 });
        // The settings dialog is where GraphiQL inserts style elements at run time (they need the page's nonce).
        await page.Locator("[aria-label='Open settings dialog']").ClickAsync();
        await Assertions.Expect(page.Locator("[role=dialog]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("graphiql"), FullPage = true });

        (await result.InnerTextAsync()).ShouldContain("\"VALID\"");
        var styleNonces = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('style')].map(s => s.nonce)");
        TestContext.Current.TestOutputHelper?.WriteLine($"style elements inserted at run time: {styleNonces.Length}");
        styleNonces.ShouldAllBe(nonce => nonce.Length > 0, "a style element without the page's nonce would be blocked");
        problems.ShouldBeEmpty("the page must work under its own Content-Security-Policy");
        outside.ShouldBeEmpty("GraphiQL comes from the site's own files, not a CDN");
    }
}
