using AngleSharp.Html.Parser;

namespace Registry.Web.Tests.Organisations;

/// <summary>/organisations/{creditCode} on the in-process site against the shared test database.</summary>
public sealed class OrganisationPageTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);
    private readonly HtmlParser _parser = new();

    [Fact]
    public async Task A_holders_page_shows_its_names_and_every_certificate_with_its_status_now()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 2, 4));
        string creditCode;
        await using (var db = database.CreateContext())
        {
            creditCode = (await db.Organisations.FindAsync([certificate.OrganisationId], TestContext.Current.CancellationToken))!.CreditCode;
        }

        using var client = database.Site.CreatePageClient();

        var response = await client.GetAsync($"/organisations/{creditCode}?lang=en");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = _parser.ParseDocument(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=organisation]")!.GetAttribute("data-credit-code").ShouldBe(creditCode);
        var row = page.QuerySelector($"[data-testid=held-certificates] tr[data-number='{certificate.NormalizedNumber}']");
        row.ShouldNotBeNull();
        row.QuerySelector("[data-testid=status]")!.GetAttribute("data-status").ShouldBe("Valid");
        row.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe([$"/certificates/{certificate.NormalizedNumber}", $"/bodies/{body.Code}"]);
    }

    [Fact]
    public async Task A_code_typed_any_way_redirects_and_bad_or_unknown_codes_are_friendly_pages()
    {
        var organisation = await _registry.AddOrganisationAsync();
        using var client = database.Site.CreatePageClient();

        var redirect = await client.GetAsync($"/organisations/{organisation.CreditCode.ToLowerInvariant()}");
        redirect.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        redirect.Headers.Location!.ToString().ShouldBe($"/organisations/{organisation.CreditCode}");
        (await client.GetAsync("/organisations/91370200163562681H")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/organisations/%3Cb%3E")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/organisations/{TestRegistry.NewCreditCode().Value}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
