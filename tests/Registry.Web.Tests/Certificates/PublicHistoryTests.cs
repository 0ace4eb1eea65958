using Registry.Web.Tests.GraphQL;

namespace Registry.Web.Tests.Certificates;

/// <summary>
/// A certificate's public history says which body made each change and by which channel (API, bulk upload), and never
/// which API key: key ids stay in the body's own audit log, which does name them.
/// </summary>
public sealed class PublicHistoryTests(RegistryDatabase database)
{
    [Fact]
    public async Task The_page_and_graphql_name_the_body_and_channel_but_not_the_key()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var certificate = await api.IssueAsync();
        using var bulk = await api.PostRawAsync("/api/publishing/bulk",
            $"operation,number,effective_on,reason\nsuspend,{certificate.Number},{PublishingApiClient.Today},Complaint\n", "text/csv");
        bulk.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var client = database.Site.CreatePageClient();
        var page = await client.GetStringAsync($"/certificates/{certificate.NormalizedNumber}");
        var answer = await new GraphQLClient(database.Site.CreatePageClient())
            .PostAsync($"{{ certificate(number: \"{certificate.Number}\") {{ history {{ kind actor }} }} }}");

        page.ShouldNotContain(api.KeyId);
        page.ShouldContain($"{api.Body.Code} API");
        page.ShouldContain($"{api.Body.Code} bulk upload");
        answer.Body.ShouldNotContain(api.KeyId);
        answer.Data.GetProperty("certificate").GetProperty("history").EnumerateArray().Select(e => e.GetProperty("actor").GetString())
            .ShouldBe([$"{api.Body.Code} API", $"{api.Body.Code} bulk upload"]);
        await using var db = database.CreateContext();
        (await db.AuditEntries.Where(e => e.BodyId == api.Body.Id).Select(e => e.ApiKeyId).Distinct().ToListAsync()).ShouldBe([api.KeyId], "the audit log keeps the key");
    }

    [Fact]
    public async Task Events_published_before_the_channel_was_recorded_show_the_channel_not_their_key()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2025, 8, 1));
        await using (var db = database.CreateContext())
        {
            await new Registry.Web.Features.Publishing.CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.Number,
                Registry.Domain.Lifecycle.StatusChange.Suspend(new DateOnly(2025, 9, 1), "Old-style actor", "x"),
                new Registry.Web.Features.Publishing.PublishingActor(body.Id, $"{body.Code} api-key x5sgq2k7wz4mnb3d"), CancellationToken.None);
        }

        using var client = database.Site.CreatePageClient();
        var page = await client.GetStringAsync($"/certificates/{certificate.NormalizedNumber}");

        page.ShouldNotContain("x5sgq2k7wz4mnb3d");
        page.ShouldContain($"{body.Code} API");
    }
}
