using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.GraphQL;

namespace Registry.Web.Tests.Publishing.Api;

/// <summary>
/// Dates with bounds: an issue before the scheme or valid past three years is refused; every date and instant a
/// caller may ask about lies in 2000-01-01..2199-12-31 or is a 400; and what the registry accepts, every feature
/// serves, the QR codes of the earliest and longest certificates included.
/// </summary>
public sealed class DateBoundsTests(RegistryDatabase database)
{
    [Theory]
    [InlineData("0001-01-01", "9999-12-31", HttpStatusCode.BadRequest, "INVALID_INPUT")]
    [InlineData("2011-12-31", null, HttpStatusCode.UnprocessableEntity, "ISSUE_DATE_BEFORE_SCHEME")]
    [InlineData("2024-01-01", "2027-01-02", HttpStatusCode.UnprocessableEntity, "EXPIRY_BEYOND_VALIDITY")]
    public async Task An_issue_outside_the_schemes_dates_is_refused(string issuedOn, string? expiresOn, HttpStatusCode status, string code)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var fields = PublishingApiClient.IssueFields(change: f =>
        {
            f["issuedOn"] = issuedOn;
            f["expiresOn"] = expiresOn;
        });

        using var response = await api.PostAsync("/api/publishing/certificates", fields);

        await PublishingApiClient.ProblemAsync(response, status, code);
    }

    [Theory]
    [InlineData("2012-02-01", "2015-02-01")]
    [InlineData("2024-02-29", "2027-02-28")]
    public async Task The_earliest_issue_and_the_longest_validity_are_accepted_and_their_codes_are_served(string issuedOn, string expiresOn)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(api.Body.Code, "test", CancellationToken.None);
        var number = PublishingApiClient.NewNumber();

        using var issued = await api.PostAsync("/api/publishing/certificates", PublishingApiClient.IssueFields(number, f =>
        {
            f["issuedOn"] = issuedOn;
            f["expiresOn"] = expiresOn;
        }));
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());

        using var client = database.Site.CreatePageClient();
        using var svg = await client.GetAsync($"/certificates/{number}/qr.svg");
        using var png = await client.GetAsync($"/certificates/{number}/qr.png");
        using var codes = await api.PostAsync($"/api/publishing/certificates/{number}/qr", new { medium = "Plaque", count = 2 });
        using var page = await client.GetAsync($"/certificates/{number.Replace("-", string.Empty, StringComparison.Ordinal)}");

        // An expired certificate gets no new codes, but says so; a valid one gets them. Nothing answers 500.
        var expired = DateOnly.Parse(expiresOn, System.Globalization.CultureInfo.InvariantCulture) < DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var answer in new[] { svg, png, codes })
        {
            if (expired)
            {
                ((int)answer.StatusCode).ShouldBeInRange(400, 499, await answer.Content.ReadAsStringAsync());
            }
            else
            {
                answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
            }
        }

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    [InlineData("from=1999-12-31T15:59:59Z")]
    public async Task An_audit_range_outside_the_registrys_dates_is_a_400(string range)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var response = await api.Http.GetAsync("/api/publishing/audit?" + range);

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "DATE_OUT_OF_RANGE");
    }

    [Theory]
    [InlineData("statusAsPublishedAt(instant: \"9999-12-31T16:00:00Z\") { status }")]
    [InlineData("statusAsPublishedAt(instant: \"0001-01-01T00:00:00Z\") { status }")]
    [InlineData("statusOn(date: \"0001-01-01\") { status }")]
    [InlineData("statusOn(date: \"9999-12-31\") { status }")]
    public async Task A_graphql_date_or_instant_outside_the_range_is_a_400(string field)
    {
        var (certificate, _) = await new TestRegistry(database).IssueAsync(new DateOnly(2025, 6, 1));
        var client = new GraphQLClient(database.Site.CreatePageClient());

        var answer = await client.PostAsync($"{{ certificate(number: \"{certificate.Number}\") {{ {field} }} }}");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
        answer.Codes.ShouldBe(["DATE_OUT_OF_RANGE"]);
    }

    [Theory]
    [InlineData("?on=0001-01-01")]
    [InlineData("?on=9999-12-31")]
    public async Task The_certificate_page_refuses_a_date_outside_the_range_with_a_friendly_400(string query)
    {
        var (certificate, _) = await new TestRegistry(database).IssueAsync(new DateOnly(2025, 6, 2));
        using var client = database.Site.CreatePageClient();

        using var response = await client.GetAsync($"/certificates/{certificate.NormalizedNumber}{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("2000-01-01");
    }

    [Fact]
    public async Task A_search_filter_date_outside_the_range_is_a_problem_of_the_search_not_a_server_error()
    {
        using var client = database.Site.CreatePageClient();

        using var response = await client.GetAsync("/search?q=x&expiresFrom=0001-01-01&expiresTo=9999-12-31");

        response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).ShouldContain("2199-12-31");
    }
}
