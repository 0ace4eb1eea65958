namespace Registry.Web.Tests.GraphQL;

/// <summary>
/// Bad input of every kind gets a GraphQL error with a stable extensions.code and the status the
/// GraphQL-over-HTTP specification gives it (400 when nothing ran, 200 when a field failed), never a 500.
/// </summary>
[Collection(GraphQLSiteGroup.Name)]
public sealed class BadInputTests(GraphQLSite site)
{
    private const string Number = "BAD-INPUT-000001";

    public static TheoryData<string, string, string?, int, string> Cases => new()
    {
        // label, document, variables (JSON), expected status, expected code
        { "malformed document", "{ certificate(number: \"X\" { number } }", null, 400, "GRAPHQL_PARSE_FAILED" },
        { "unterminated string", "{ certificate(number: \"X) { number } }", null, 400, "GRAPHQL_PARSE_FAILED" },
        { "nesting past the parser's limit", new string('{', 300) + new string('}', 300), null, 400, "GRAPHQL_PARSE_FAILED" },
        { "unknown field", "{ certificate(number: \"" + Number + "\") { colour } }", null, 400, "GRAPHQL_VALIDATION_FAILED" },
        { "unknown argument", "{ bodies(first: 1) { code } }", null, 400, "GRAPHQL_VALIDATION_FAILED" },
        { "missing required argument", "{ certificate { number } }", null, 400, "GRAPHQL_VALIDATION_FAILED" },
        { "undeclared variable", "{ certificate(number: $n) { number } }", null, 400, "GRAPHQL_VALIDATION_FAILED" },
        { "variable of the wrong type", "query($n: String!) { certificate(number: $n) { number } }", "{\"n\": 42}", 400, "INVALID_VARIABLE_VALUE" },
        { "missing required variable", "query($n: String!) { certificate(number: $n) { number } }", "{}", 400, "INVALID_VARIABLE_VALUE" },
        { "page size of the wrong type", "query($f: Int) { search(text: \"x\", first: $f) { totalCount } }", "{\"f\": \"ten\"}", 400, "INVALID_VARIABLE_VALUE" },
        { "unknown enum value", "{ search(filter: { statuses: [SORT_OF_VALID] }) { totalCount } }", null, 400, "GRAPHQL_VALIDATION_FAILED" },
        { "operation name not in the document", "query A { __typename }", null, 400, "OPERATION_NOT_FOUND" },
        { "two operations and no name", "query A { __typename } query B { __typename }", null, 400, "OPERATION_NOT_FOUND" },
        { "over-deep", "{ search(text: \"x\", first: 1) { edges { node { organisation { certificates(first: 1) { edges { node { organisation { certificates(first: 1) { edges { node { number } } } } } } } } } } } }", null, 400, "MAX_DEPTH_EXCEEDED" },
        { "over-costly", "{ search(text: \"x\", first: 100) { edges { node { organisation { certificates(first: 100) { edges { node { history { kind } } } } } } } } }", null, 400, "MAX_COMPLEXITY_EXCEEDED" },
        { "invalid date literal", "{ certificate(number: \"" + Number + "\") { statusOn(date: \"2026-02-30\") { status } } }", null, 400, "INVALID_DATE" },
        { "date written another way", "{ certificate(number: \"" + Number + "\") { statusOn(date: \"05/03/2026\") { status } } }", null, 400, "INVALID_DATE" },
        { "date as a number", "{ certificate(number: \"" + Number + "\") { statusOn(date: 20260305) { status } } }", null, 400, "INVALID_DATE" },
        { "invalid date variable", "query($d: Date!) { certificate(number: \"" + Number + "\") { statusOn(date: $d) { status } } }", "{\"d\": \"2026-3-5\"}", 400, "INVALID_DATE" },
        { "invalid date in a filter", "{ search(filter: { expiresFrom: \"tomorrow\" }) { totalCount } }", null, 400, "INVALID_DATE" },
        { "instant without an offset", "{ certificate(number: \"" + Number + "\") { statusAsPublishedAt(instant: \"2026-03-05T10:00:00\") { status } } }", null, 400, "INVALID_DATE_TIME" },
        { "instant variable that is no instant", "query($i: DateTime!) { certificate(number: \"" + Number + "\") { statusAsPublishedAt(instant: $i) { status } } }", "{\"i\": \"soon\"}", 400, "INVALID_DATE_TIME" },
        { "page size too big", "{ search(text: \"x\", first: 101) { totalCount } }", null, 200, "PAGE_SIZE_OUT_OF_RANGE" },
        { "page size far too big", "{ search(text: \"x\", first: 1000000) { totalCount } }", null, 200, "PAGE_SIZE_OUT_OF_RANGE" },
        { "negative page size", "{ search(text: \"x\", first: -1) { totalCount } }", null, 200, "PAGE_SIZE_OUT_OF_RANGE" },
        { "cursor not made by the API", "{ search(text: \"x\", after: \"bm90IGEgY3Vyc29y\") { totalCount } }", null, 200, "INVALID_CURSOR" },
        { "cursor that is no base64", "{ search(text: \"x\", after: \"%%%\") { totalCount } }", null, 200, "INVALID_CURSOR" },
        { "search text too long", "{ search(text: \"" + new string('字', 101) + "\") { totalCount } }", null, 200, "SEARCH_TEXT_TOO_LONG" },
        { "unknown level filter", "{ search(filter: { levels: [\"six-star\"] }) { totalCount } }", null, 200, "SEARCH_BAD_FILTER" },
        { "unknown province filter", "{ search(filter: { provinces: [\"99\"] }) { totalCount } }", null, 200, "SEARCH_BAD_FILTER" },
        { "NOT_ISSUED as a filter", "{ search(filter: { statuses: [NOT_ISSUED] }) { totalCount } }", null, 200, "SEARCH_BAD_FILTER" },
        { "expiry range that ends before it starts", "{ search(filter: { expiresFrom: \"2027-01-01\", expiresTo: \"2026-01-01\" }) { totalCount } }", null, 200, "SEARCH_BAD_DATE_RANGE" },
        { "invalid number: too short", "{ certificate(number: \"AB1\") { number } }", null, 200, "MALFORMED_CERTIFICATE_NUMBER" },
        { "invalid number: stray characters", "{ certificate(number: \"证书①②③④⑤⑥\") { number } }", null, 200, "MALFORMED_CERTIFICATE_NUMBER" },
        { "invalid number: blank", "{ certificate(number: \"   \") { number } }", null, 200, "MALFORMED_CERTIFICATE_NUMBER" },
        { "invalid number: far too long", "{ certificate(number: \"" + new string('A', 5000) + "\") { number } }", null, 200, "MALFORMED_CERTIFICATE_NUMBER" },
        { "credit code with a wrong check character", "{ organisation(creditCode: \"91330106MA27XK6L3Q\") { nameZh } }", null, 200, "CREDIT_CODE_CHECK_FAILED" },
        { "credit code of the wrong length", "{ organisation(creditCode: \"9133\") { nameZh } }", null, 200, "MALFORMED_CREDIT_CODE" },
        { "nothing to verify", "{ verify(payload: \"\") { kind } }", null, 200, "PAYLOAD_REQUIRED" },
        { "payload longer than any code", "{ verify(payload: \"" + new string('A', 600) + "\") { kind } }", null, 200, "TOO_LARGE" },
        { "a mutation without an API key", "mutation { issueCertificate { number } }", null, 401, "UNAUTHENTICATED" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_a_stable_code_and_never_a_500(string label, string document, string? variables, int status, string code)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            query = document,
            variables = variables is null ? (System.Text.Json.JsonElement?)null : System.Text.Json.JsonDocument.Parse(variables).RootElement,
            operationName = label == "operation name not in the document" ? "Missing" : null,
        });

        var answer = await site.Client.PostJsonAsync(json);

        ((int)answer.Status).ShouldBe(status, $"{label}: {answer}");
        answer.MediaType.ShouldBe(GraphQLClient.GraphQLResponseJson);
        answer.Codes.ShouldNotBeEmpty(label);
        answer.Codes.ShouldAllBe(c => c == code, $"{label}: {answer}");
        answer.Body.ShouldNotContain("   at ", customMessage: $"{label}: no stack trace leaves the server");
        answer.Body.ShouldNotContain("Exception", customMessage: $"{label}: no exception name leaves the server");
        if (status == 200)
        {
            answer.HasData.ShouldBeTrue($"{label}: a field error still answers with data");
        }
    }

    [Fact]
    public async Task A_page_size_too_big_on_a_nested_connection_fails_that_field_only()
    {
        var organisation = await site.Scenarios.Registry.AddOrganisationAsync();

        var answer = await site.Client.PostAsync("query($c: String!) { organisation(creditCode: $c) { nameZh certificates(first: 101) { totalCount } } }",
            new { c = organisation.CreditCode });

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Codes.ShouldBe(["PAGE_SIZE_OUT_OF_RANGE"]);
        answer.Json.GetProperty("errors")[0].GetProperty("path").ToString().ShouldBe("""["organisation","certificates"]""");
        answer.Data.GetProperty("organisation").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null, "a non-null field's error nulls its parent");
    }

    [Fact]
    public async Task A_document_of_many_aliased_fields_within_the_size_limit_is_refused_for_its_cost()
    {
        var fields = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"a{i}: schemes {{ code }}"));

        var answer = await site.Client.PostAsync("{ " + fields + " }");

        answer.Status.ShouldBe(HttpStatusCode.BadRequest, answer.ToString()[..Math.Min(400, answer.ToString().Length)]);
        answer.Codes.Distinct().ShouldBe(["MAX_COMPLEXITY_EXCEEDED"]);
    }
}
