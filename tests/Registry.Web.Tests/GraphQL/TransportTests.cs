namespace Registry.Web.Tests.GraphQL;

/// <summary>/graphql over HTTP as the GraphQL-over-HTTP specification has it: methods, media types, status codes, sizes.</summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class TransportTests(GraphQLSite site)
{
    private const string Typename = "{ __typename }";

    [Fact]
    public async Task A_POST_query_is_answered_as_graphql_response_json_with_200()
    {
        var answer = await site.Client.PostAsync(Typename);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.MediaType.ShouldBe(GraphQLClient.GraphQLResponseJson);
        answer.Data.GetProperty("__typename").GetString().ShouldBe("Query");
        answer.Response.Headers.CacheControl!.NoStore.ShouldBeTrue("a status must never be served from a cache");
    }

    [Theory]
    [InlineData(null, GraphQLClient.GraphQLResponseJson)]
    [InlineData("*/*", GraphQLClient.GraphQLResponseJson)]
    [InlineData("application/*", GraphQLClient.GraphQLResponseJson)]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json; charset=utf-8", "application/json")]
    [InlineData("application/json, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLClient.GraphQLResponseJson)]
    [InlineData("application/json;q=0.5, */*", GraphQLClient.GraphQLResponseJson)]
    public async Task The_response_media_type_follows_the_Accept_header(string? accept, string expected)
    {
        var answer = await site.Client.PostAsync(Typename, accept: accept);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.MediaType.ShouldBe(expected);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml, text/csv")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task An_Accept_header_that_allows_no_JSON_gets_406(string accept)
    {
        var answer = await site.Client.PostAsync(Typename, accept: accept);

        answer.Status.ShouldBe(HttpStatusCode.NotAcceptable, answer.ToString());
        answer.Codes.ShouldBe(["NOT_ACCEPTABLE"]);
    }

    [Fact]
    public async Task A_document_that_does_not_parse_is_400_with_graphql_response_json_and_200_with_application_json()
    {
        var strict = await site.Client.PostAsync("{ certificate(number: ");
        var legacy = await site.Client.PostAsync("{ certificate(number: ", accept: "application/json");

        strict.Status.ShouldBe(HttpStatusCode.BadRequest, strict.ToString());
        strict.Codes.ShouldBe(["GRAPHQL_PARSE_FAILED"]);
        strict.HasData.ShouldBeFalse("a request that never ran has no data entry");
        legacy.Status.ShouldBe(HttpStatusCode.OK, "application/json clients expect 200 for every well-formed request");
        legacy.Codes.ShouldBe(["GRAPHQL_PARSE_FAILED"]);
    }

    [Theory]
    [InlineData("text/plain", "{\"query\":\"{ __typename }\"}")]
    [InlineData("application/x-www-form-urlencoded", "query=%7B__typename%7D")]
    [InlineData("application/json; charset=iso-8859-1", "{\"query\":\"{ __typename }\"}")]
    [InlineData("application/graphql", "{ __typename }")]
    public async Task A_body_that_is_not_UTF_8_JSON_gets_415(string contentType, string body)
    {
        var answer = await site.Client.PostJsonAsync(body, contentType: contentType);

        answer.Status.ShouldBe(HttpStatusCode.UnsupportedMediaType, answer.ToString());
        answer.Codes.ShouldBe(["UNSUPPORTED_MEDIA_TYPE"]);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"query\": ")]
    [InlineData("[{\"query\":\"{ __typename }\"}]")]
    [InlineData("{}")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"query\": \"\"}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": [1]}")]
    [InlineData("{\"query\": \"{ __typename }\", \"variables\": \"{}\"}")]
    [InlineData("{\"query\": \"{ __typename }\", \"operationName\": 7}")]
    [InlineData("{\"query\": \"{ __typename }\", \"extensions\": true}")]
    public async Task A_body_that_is_not_a_GraphQL_request_gets_400_with_a_code(string body)
    {
        foreach (var accept in new[] { GraphQLClient.GraphQLResponseJson, "application/json" })
        {
            var answer = await site.Client.PostJsonAsync(body, accept);

            answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
            answer.Codes.ShouldBe(["INVALID_REQUEST"]);
        }
    }

    [Fact]
    public async Task A_body_over_64_KB_gets_413_and_one_just_under_is_read()
    {
        var padding = 64 * 1024 - 200;
        var under = await site.Client.PostAsync(Typename + new string(' ', padding));
        var over = await site.Client.PostAsync(Typename + new string(' ', padding + 400));

        under.Status.ShouldBe(HttpStatusCode.OK, "a request under the limit is answered");
        over.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge, over.ToString());
        over.Codes.ShouldBe(["REQUEST_TOO_LARGE"]);
    }

    [Fact]
    public async Task A_body_without_a_length_is_still_cut_off_at_the_limit()
    {
        var body = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"x\":\"" + new string('a', 200_000) + "\"}")));
        body.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var answer = await site.Client.SendAsync(request);

        answer.Status.ShouldBe(HttpStatusCode.RequestEntityTooLarge, answer.ToString());
    }

    [Fact]
    public async Task A_GET_runs_a_query_with_JSON_variables()
    {
        var answer = await site.Client.GetAsync("query($n: String!) { certificate(number: $n) { number } }", new { n = "NOSUCH-000001" });

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Data.GetProperty("certificate").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("mutation { anything }", null)]
    [InlineData("query A { __typename } mutation B { anything }", "B")]
    public async Task A_GET_never_runs_a_mutation_405_with_Allow_POST(string document, string? operationName)
    {
        var path = "/graphql?query=" + Uri.EscapeDataString(document) + (operationName is null ? string.Empty : "&operationName=" + operationName);

        var answer = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        answer.Status.ShouldBe(HttpStatusCode.MethodNotAllowed, answer.ToString());
        answer.Response.Content.Headers.Allow.ShouldBe(["POST"]);
        answer.Codes.ShouldBe(["METHOD_NOT_ALLOWED"]);
    }

    [Fact]
    public async Task A_GET_that_picks_the_query_of_a_document_with_a_mutation_runs_it()
    {
        var path = "/graphql?query=" + Uri.EscapeDataString("query A { __typename } mutation B { rotateSigningKey(input: {}) { replayed } }") + "&operationName=A";

        var answer = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Data.GetProperty("__typename").GetString().ShouldBe("Query");
    }

    [Fact]
    public async Task A_GET_without_a_query_or_with_two_gets_400()
    {
        var none = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql"));
        var two = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D&query=%7B__typename%7D"));
        var badVariables = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D&variables=%5B1%5D"));

        foreach (var answer in new[] { none, two, badVariables })
        {
            answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString());
            answer.Codes.ShouldBe(["INVALID_REQUEST"]);
        }
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_get_405_with_Allow(string method)
    {
        var answer = await site.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/graphql"));

        answer.Status.ShouldBe(HttpStatusCode.MethodNotAllowed, answer.ToString());
        answer.Response.Content.Headers.Allow.ShouldBe(["GET", "POST"], ignoreOrder: true);
        answer.Codes.ShouldBe(["METHOD_NOT_ALLOWED"]);
    }

    [Fact]
    public async Task A_browser_gets_GraphiQL_from_the_site_itself_under_a_strict_policy()
    {
        var answer = await site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql"),
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        answer.Status.ShouldBe(HttpStatusCode.OK);
        answer.MediaType.ShouldBe("text/html");
        answer.Body.ShouldContain("<script src=\"/graphiql/graphiql.js\"");
        answer.Body.ShouldNotContain("https://", customMessage: "nothing may come from a CDN");
        var policy = answer.Response.Headers.GetValues("Content-Security-Policy").Single();
        policy.ShouldContain("script-src 'self'");
        policy.ShouldContain("connect-src 'self'");
        policy.ShouldNotContain("unsafe-inline");
        var script = await site.Client.Http.GetAsync("/graphiql/graphiql.js");
        script.StatusCode.ShouldBe(HttpStatusCode.OK, "the bundle is served from the site's own files");
        (await site.Client.Http.GetAsync("/graphiql/package.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the build is served, not the npm project");
    }
}
