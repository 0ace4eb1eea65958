using System.Net.Http.Headers;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.GraphQL;

/// <summary>
/// Small requests that asked for a lot: nesting past the parser's limit, introspection aliased hundreds of times,
/// hundreds of aliased look-ups, answers larger than the API sends, and large requests that are not bulk publishing.
/// </summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class AmplificationTests(GraphQLSite site)
{
    [Theory]
    [InlineData(40)]
    [InlineData(62)]
    [InlineData(127)]
    public async Task Selections_nested_past_the_parser_limit_fail_to_parse_not_with_a_server_error(int depth)
    {
        var document = "{ bodies " + string.Concat(Enumerable.Repeat("{ code ", depth)) + new string('}', depth) + " }";

        var answer = await site.Client.PostAsync(document);

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
        answer.Codes.ShouldBe([depth <= 20 ? "GRAPHQL_VALIDATION_FAILED" : "GRAPHQL_PARSE_FAILED"]);
    }

    [Fact]
    public async Task The_standard_introspection_query_passes_and_six_hundred_aliased_schemas_are_refused_for_their_cost()
    {
        var introspection = await RepositoryFiles.IntrospectionQueryAsync();
        var one = await site.Client.PostAsync(introspection);
        one.Status.ShouldBe(HttpStatusCode.OK, one.ToString()[..Math.Min(300, one.ToString().Length)]);

        var aliased = "{ " + string.Join(' ', Enumerable.Range(0, 600).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }}")) + " }";
        var many = await site.Client.PostAsync(aliased);

        many.Status.ShouldBe(HttpStatusCode.BadRequest);
        many.Codes.ShouldBe(["MAX_COMPLEXITY_EXCEEDED"]);
        many.Body.Length.ShouldBeLessThan(1000, "refused before anything ran");
    }

    [Fact]
    public async Task Seventeen_hundred_aliased_look_ups_are_refused_for_their_cost()
    {
        var document = "query($n: String!) {" + string.Concat(Enumerable.Range(0, 1700).Select(i => $"a{i}:certificate(number:$n){{number}}")) + "}";
        Encoding.UTF8.GetByteCount(document).ShouldBeLessThan(63 * 1024);

        var answer = await site.Client.PostAsync(document, new { n = "NOPE-000001" });

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Codes.ShouldBe(["MAX_COMPLEXITY_EXCEEDED"]);
    }

    [Fact]
    public async Task An_answer_longer_than_the_limit_is_replaced_by_a_refusal()
    {
        await using var small = new RegistryWebFactory(site.Database.ConnectionString,
            settings: new Dictionary<string, string> { ["GraphQL:MaxResponseBytes"] = "65536" },
            services: RegistryWebFactory.Replace<ISigningKeys>(new InMemorySigningKeys()));
        var client = new GraphQLClient(small.CreatePageClient());

        var answer = await client.PostAsync(await RepositoryFiles.IntrospectionQueryAsync());

        answer.Status.ShouldBe(HttpStatusCode.BadRequest);
        answer.Codes.ShouldBe(["RESPONSE_TOO_LARGE"]);
        answer.Response.Content.Headers.ContentLength!.Value.ShouldBeLessThan(65536);
    }

    [Fact]
    public async Task With_an_api_key_only_bulk_publishing_may_be_larger_than_the_anonymous_limit()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(site.Database);
        using var http = PublishingApiClient.WithKey(site.Database.Site.CreateClient(), api.Token);
        var padding = new string(' ', 70 * 1024);

        using var query = await PostAsync(http, "{\"query\":\"{ bodies { code } }" + padding + "\"}");
        using var bulk = await PostAsync(http,
            "{\"query\":\"mutation($rows: [BulkChangeInput!]!) { bulkPublish(input: { rows: $rows }) { rows } }" + padding + "\",\"variables\":{\"rows\":[]}}");

        query.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await query.Content.ReadAsStringAsync()).ShouldContain("REQUEST_TOO_LARGE");
        bulk.StatusCode.ShouldBe(HttpStatusCode.OK, await bulk.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return http.PostAsync("/graphql", content);
    }
}
