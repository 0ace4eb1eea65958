using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.GraphQL.Transport;

namespace Registry.Web.Tests.GraphQL;

/// <summary>
/// GraphQL over GET is kept by the page cache like a page (never for a caller with a key, never an answer with an
/// error), persisted queries stand in for their documents on every instance, and kept documents are still measured
/// where a variable changes their cost.
/// </summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class HotQueryTests(GraphQLSite site)
{
    private const string StatusQuery = "query($n: String!) { certificate(number: $n) { number status } }";

    [Fact]
    public async Task A_get_answer_is_cached_per_accept_header_until_its_certificate_changes()
    {
        var body = await site.Scenarios.Registry.AddBodyAsync();
        var certificate = await site.Scenarios.IssueAsync(body, await site.Scenarios.Registry.AddOrganisationAsync(), new DateOnly(2026, 5, 4));
        await PageCacheSync.InStepAsync(site.Services);
        var client = site.Client;
        var path = "/graphql?query=" + Uri.EscapeDataString(StatusQuery) + "&variables=" + Uri.EscapeDataString($$"""{"n":"{{certificate.NormalizedNumber}}"}""");

        using var response = await PageCacheProbe.CachedAsync(client.Http, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept", GraphQLClient.GraphQLResponseJson);
            return request;
        }, TimeSpan.FromSeconds(5));
        var cached = new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(), response);
        cached.MediaType.ShouldBe(GraphQLClient.GraphQLResponseJson);
        cached.Data.GetProperty("certificate").GetProperty("status").GetString().ShouldBe("VALID");

        var plain = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), "application/json");
        plain.MediaType.ShouldBe("application/json", "the other format is never served from the first one's entry");

        await site.Scenarios.ChangeAsync(certificate, body, StatusChange.Withdraw(new DateOnly(2026, 5, 20), "Fraudulent audit evidence", "x"), new DateOnly(2026, 5, 20));
        await PageCacheSync.CaughtUpAsync(site.Database, site.Services);
        var after = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        after.Response.Headers.Age.ShouldBeNull();
        after.Data.GetProperty("certificate").GetProperty("status").GetString().ShouldBe("WITHDRAWN");
    }

    [Fact]
    public async Task Answers_with_errors_posts_and_callers_with_a_key_are_never_cached()
    {
        var client = site.Client;
        var malformed = "/graphql?query=" + Uri.EscapeDataString("""{ certificate(number: "!!") { number } }""");
        var posted = """{ bodies { code } }""";
        var (token, _) = await KeyAsync();
        for (var i = 0; i < 4; i++)
        {
            var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, malformed));
            refused.Codes.ShouldNotBeEmpty();
            refused.Response.Headers.Age.ShouldBeNull("an answer with an error is not kept");

            (await client.PostAsync(posted)).Response.Headers.Age.ShouldBeNull("a POST is never answered from the cache");

            using var withKey = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(posted));
            withKey.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var keyed = await client.SendAsync(withKey);
            keyed.Status.ShouldBe(HttpStatusCode.OK, keyed.ToString());
            keyed.Response.Headers.Age.ShouldBeNull("an answer for a caller with a key is never kept or served from the cache");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_persisted_query_is_asked_for_once_then_its_hash_stands_for_it_on_every_instance()
    {
        var document = "query Bodies" + Guid.NewGuid().ToString("N") + " { bodies { code } }";
        var hash = PersistedQueries.HashOf(document);
        var extensions = Uri.EscapeDataString("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}");
        var client = site.Client;

        var unknown = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?extensions=" + extensions));
        unknown.Codes.ShouldBe([PersistedQueries.NotFound]);

        var sent = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(document) + "&extensions=" + extensions));
        sent.Codes.ShouldBeEmpty(sent.ToString());

        var byHash = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?extensions=" + extensions));
        byHash.Codes.ShouldBeEmpty(byHash.ToString());
        BodyCodes(sent).ShouldBeSubsetOf(BodyCodes(byHash));

        // Another instance on the same PostgreSQL and Redis has never seen the document, and knows it by its hash.
        await using var other = new RegistryWebFactory(site.Database.ConnectionString, settings: GraphQLSite.Settings);
        var otherClient = new GraphQLClient(other.CreatePageClient());
        await other.Services.GetRequiredService<Registry.Web.Features.StatusFeed.RedisConnection>().GetAsync(CancellationToken.None);
        GraphQLAnswer elsewhere;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((elsewhere = await otherClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?extensions=" + extensions))).Codes.Count > 0)
        {
            elsewhere.Codes.ShouldBe([PersistedQueries.NotFound]);
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the other instance never found the hash in Redis");
            await Task.Delay(50);
        }

        BodyCodes(sent).ShouldBeSubsetOf(BodyCodes(elsewhere));
    }

    // Other tests register bodies on the same database meanwhile, so a later answer may list more, never fewer.
    private static string?[] BodyCodes(GraphQLAnswer answer) =>
        [.. answer.Data.GetProperty("bodies").EnumerateArray().Select(body => body.GetProperty("code").GetString())];

    [Theory]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}""", true, HttpStatusCode.BadRequest, PersistedQueries.HashMismatch)]
    [InlineData("""{"persistedQuery":{"version":2,"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}""", false, HttpStatusCode.BadRequest, PersistedQueries.Unsupported)]
    [InlineData("""{"persistedQuery":{"version":1,"sha256Hash":"NOT-HEX"}}""", false, HttpStatusCode.BadRequest, PersistedQueries.Unsupported)]
    [InlineData("""{"persistedQuery":"yes"}""", false, HttpStatusCode.BadRequest, PersistedQueries.Unsupported)]
    [InlineData("""{"persistedQuery":{"version":"1","sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}""", false, HttpStatusCode.BadRequest, PersistedQueries.Unsupported)]
    public async Task A_wrong_persisted_query_is_refused_with_its_code(string extensions, bool withDocument, HttpStatusCode status, string code)
    {
        var path = "/graphql?extensions=" + Uri.EscapeDataString(extensions) + (withDocument ? "&query=" + Uri.EscapeDataString("{ bodies { code } }") : string.Empty);
        var answer = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        answer.Status.ShouldBe(status, answer.ToString());
        answer.Codes.ShouldBe([code]);
    }

    [Fact]
    public async Task A_kept_document_is_validated_once_but_a_variable_page_size_is_measured_every_time()
    {
        var documents = site.Services.GetRequiredService<ValidatedDocuments>();
        var document = "query Costly" + Guid.NewGuid().ToString("N") + "($n: Int) { search(text: \"x\", first: $n) { edges { node { organisation { certificates(first: 100) { edges { node { history { kind } } } } } } } } }";
        var cheap = await site.Client.PostAsync(document, new { n = 1 });
        cheap.Codes.ShouldNotContain("MAX_COMPLEXITY_EXCEEDED", cheap.ToString());
        documents.TryGet(document, out _).ShouldBeTrue("a document that passed validation is kept");

        var costly = await site.Client.PostAsync(document, new { n = 100 });
        costly.Codes.ShouldBe(["MAX_COMPLEXITY_EXCEEDED"]);
    }

    private async Task<(string Token, string Code)> KeyAsync()
    {
        var body = await site.Scenarios.Registry.AddBodyAsync();
        var key = await PublishingApiClient.CreateKeyAsync(site.Database, body.Code);
        return (key.Token, body.Code);
    }
}
