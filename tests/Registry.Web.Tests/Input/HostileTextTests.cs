namespace Registry.Web.Tests.Input;

/// <summary>
/// The review's defects of text, each reproduced: a NUL in a certificate number (bulk CSV, a JSON body, %2500 in a
/// path), bytes that are not UTF-8, lone surrogates, in every place text enters. Each is refused with INVALID_TEXT and
/// the field's name, never a 500, and a bulk request answers every row.
/// </summary>
public sealed class HostileTextTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_nul_in_one_bulk_csv_row_fails_that_row_and_the_others_are_applied_and_reported()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var first = await api.IssueAsync();
        var second = await api.IssueAsync();
        var today = PublishingApiClient.Today;
        var csv = "operation,number,effective_on,reason\n"
            + $"suspend,{first.Number},{today},Complaint\n"
            + $"suspend,AB\0CDEF,{today},Complaint\n"
            + $"suspend,{second.Number},{today},Complaint\n";

        using var response = await api.PostRawAsync("/api/publishing/bulk", csv, "text/csv");

        var result = await PublishingApiClient.OkAsync<JsonElement>(response);
        var rows = result.GetProperty("results").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["applied", "refused", "applied"]);
        rows[1].GetProperty("errorCode").GetString().ShouldBe("INVALID_TEXT");
        rows[1].GetProperty("message").GetString()!.ShouldContain("number contains a NUL character");
        await using var db = database.CreateContext();
        (await db.Certificates.Where(c => c.BodyId == api.Body.Id).Select(c => c.Standing.ToString()).ToListAsync()).ShouldAllBe(s => s == "Suspended");
        (await db.AuditEntries.CountAsync(e => e.BodyId == api.Body.Id && e.BulkRow == 2 && e.ErrorCode == "INVALID_TEXT")).ShouldBe(1, "the refusal is audited");
    }

    [Fact]
    public async Task A_nul_in_a_json_row_of_a_bulk_request_fails_that_row()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var good = await api.IssueAsync();
        var rows = $$"""[{"operation":"suspend","number":"{{good.Number}}","effectiveOn":"{{PublishingApiClient.Today}}","reason":"x"},{"operation":"suspend","number":"AB\u0000CD","effectiveOn":"{{PublishingApiClient.Today}}","reason":"x"},{"operation":"suspend","number":"ABCDEF","effectiveOn":"{{PublishingApiClient.Today}}","reason":"\ud800"}]""";

        using var response = await api.PostRawAsync("/api/publishing/bulk", rows, "application/json");

        var result = await PublishingApiClient.OkAsync<JsonElement>(response);
        result.GetProperty("results").EnumerateArray().Select(r => r.TryGetProperty("errorCode", out var c) ? c.GetString() : null).ShouldBe([null, "INVALID_TEXT", "INVALID_TEXT"]);
    }

    [Theory]
    [InlineData("""{"reason":"a\u0000b","effectiveOn":"TODAY"}""", "reason contains a NUL character")]
    [InlineData("""{"reason":"\ud800","effectiveOn":"TODAY"}""", "reason cannot be read as text")]
    [InlineData("""{"reason":"ok","effectiveOn":"TODAY\u0007"}""", "effectiveOn contains the control character U+0007")]
    public async Task A_single_change_with_broken_text_is_refused_and_changes_nothing(string body, string message)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var certificate = await api.IssueAsync();

        using var response = await api.PostRawAsync($"/api/publishing/certificates/{certificate.Number}/suspend",
            body.Replace("TODAY", PublishingApiClient.Today, StringComparison.Ordinal), "application/json");

        var problem = await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_TEXT");
        problem.GetProperty("detail").GetString()!.ShouldContain(message);
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.NormalizedNumber == certificate.NormalizedNumber)).EventCount.ShouldBe(1);
    }

    [Fact]
    public async Task An_escaped_nul_in_the_path_is_refused_as_text_not_a_server_error()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var response = await api.PostAsync("/api/publishing/certificates/AB%2500CDEF/suspend", new { reason = "x", effectiveOn = PublishingApiClient.Today });

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_TEXT");
    }

    [Fact]
    public async Task An_issue_with_a_name_that_normalisation_would_rewrite_is_refused()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var fields = PublishingApiClient.IssueFields(change: f => f["organisationNameZh"] = "\uF900测试有限公司");

        using var response = await api.PostAsync("/api/publishing/certificates", fields);

        var problem = await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_TEXT");
        problem.GetProperty("detail").GetString()!.ShouldContain("U+F900");
    }

    [Fact]
    public async Task A_line_break_is_refused_in_a_name_and_kept_in_a_scope()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var name = await api.PostAsync("/api/publishing/certificates", PublishingApiClient.IssueFields(change: f => f["organisationNameZh"] = "杭州\n测试有限公司"));
        using var scope = await api.PostAsync("/api/publishing/certificates", PublishingApiClient.IssueFields(change: f => f["scopeZh"] = "家电销售\n维修服务"));

        (await PublishingApiClient.ProblemAsync(name, HttpStatusCode.BadRequest, "INVALID_TEXT")).GetProperty("detail").GetString()!.ShouldContain("organisationNameZh");
        scope.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_lone_surrogate_sent_to_the_verify_api_is_refused()
    {
        using var client = database.Site.CreateClient();

        using var response = await client.PostAsync("/api/verify", new StringContent("""{"scanned":"\ud800"}""", Encoding.UTF8, "application/json"));

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "INVALID_TEXT");
    }

    [Fact]
    public async Task A_graphql_body_that_is_not_utf8_is_refused()
    {
        using var client = database.Site.CreateClient();
        byte[] body = [.. Encoding.ASCII.GetBytes("{\"query\":\"{ certificate(number: \\\""), 0xFF, 0xFE, .. Encoding.ASCII.GetBytes("\\\") { number } }\"}")];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/graphql", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(text).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("INVALID_TEXT");
    }

    [Theory]
    [InlineData("""{"query":"{ certificate(number: \"AB\\u0000CDEF\") { number } }"}""")]
    [InlineData("""{"query":"query($n: String!) { certificate(number: $n) { number } }","variables":{"n":"\ud800"}}""")]
    [InlineData("""{"query":"query($n: String!) { certificate(number: $n) { number } }","variables":{"n":"AB\u0000CD"}}""")]
    public async Task Broken_text_in_a_graphql_argument_or_variable_is_refused_before_anything_runs(string json)
    {
        using var client = database.Site.CreateClient();

        using var response = await client.PostAsync("/graphql", new StringContent(json, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString().ShouldBe("INVALID_TEXT", text);
    }

    [Theory]
    [InlineData("/search?q=a%00b", "text/html")]
    [InlineData("/search?q=%FF%FE", "text/html")]
    [InlineData("/certificates/AB%01CDEF", "text/html")]
    [InlineData("/certificates/AB%E2%80%AECDEF", "text/html")]
    [InlineData("/api/verify?payload=%ED%A0%80", "application/problem+json")]
    [InlineData("/graphql?query=%7B%20bodies%20%7B%20code%20%7D%20%7D%00", "application/problem+json")]
    public async Task Broken_text_in_an_address_gets_a_clear_400(string address, string mediaType)
    {
        using var client = database.Site.CreatePageClient();

        using var response = await client.GetAsync(address);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, address);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("   at ");
        if (mediaType == "text/html")
        {
            body.ShouldContain("data-testid=\"error-detail\"");
        }
        else
        {
            JsonDocument.Parse(body).RootElement.GetProperty("code").GetString().ShouldBe("INVALID_TEXT");
        }
    }

    [Fact]
    public async Task Search_text_with_a_trailing_line_break_is_still_searched()
    {
        using var client = database.Site.CreatePageClient();

        using var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString("测试\r\n"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
