using System.Net.Http.Headers;
using System.Net.Http.Json;
using Registry.Domain;

namespace Registry.Web.Tests.Checks;

/// <summary>POST /api/check on the in-process site against the shared test database (see <see cref="CheckedCompanies"/>).</summary>
public sealed class CheckApiTests(RegistryDatabase database)
{
    [Fact]
    public async Task Each_row_is_answered_by_what_it_holds_with_the_status_now_and_what_needs_a_look()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using var client = database.Site.CreateClient();

        var report = await CheckAsync(client, new
        {
            rows = new object[]
            {
                companies.Valid.Number,
                companies.Withdrawn.CreditCode,
                companies.Valid.Name,
                companies.Valid.Name[..^4],
                new[] { companies.Withdrawn.Number, companies.Valid.CreditCode },
                "91370200163562681H",
                "TST-2099-NEVER-ISSUED-1",
                "完全不存在的某某某某公司",
            },
        });

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        rows.Count.ShouldBe(8);
        AssertRow(rows[0], "CERTIFICATE_NUMBER", [companies.Valid.Number], ["VALID"], []);
        AssertRow(rows[1], "CREDIT_CODE", [companies.Withdrawn.Number], ["WITHDRAWN"], []);
        AssertRow(rows[2], "NAME", [companies.Valid.Number], ["VALID"], []);
        rows[3].GetProperty("takenAs").GetString().ShouldBe("NAME");
        Concerns(rows[3]).ShouldContain("PARTIAL_NAME");
        Numbers(rows[3]).ShouldContain(companies.Valid.Number);
        AssertRow(rows[4], "CERTIFICATE_NUMBER", [companies.Withdrawn.Number], ["WITHDRAWN"], ["CREDIT_CODE_DIFFERS"]);
        AssertRow(rows[5], "UNREADABLE", [], [], ["NOT_FOUND"]);
        rows[5].GetProperty("reason").GetProperty("code").GetString().ShouldBe(DomainErrorCodes.CreditCodeCheckFailed);
        AssertRow(rows[6], "CERTIFICATE_NUMBER", [], [], ["NOT_FOUND"]);
        rows[6].GetProperty("reason").GetProperty("code").GetString().ShouldBe(DomainErrorCodes.CertificateNotFound);
        AssertRow(rows[7], "NAME", [], [], ["NOT_FOUND"]);
        rows[7].GetProperty("reason").GetProperty("code").GetString().ShouldBe("NO_HOLDER_BY_NAME");
        report.GetProperty("needingAttention").GetInt32().ShouldBe(5);
        var asOf = report.GetProperty("asOf").GetDateTimeOffset();
        asOf.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_gbk_csv_body_is_answered_and_csv_comes_back_with_a_bom_and_no_formulas()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using var client = database.Site.CreateClient();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding("GBK").GetBytes($"公司名称,证书编号\r\n{companies.Valid.Name},{companies.Valid.Number}\r\n=HYPERLINK(\"http://example.com\"),\r\n");
        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/check") { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]).ShouldBeTrue("Excel needs the BOM to read UTF-8");
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[1].ShouldContain(companies.Valid.Number);
        lines[1].ShouldContain(companies.Valid.Name);
        lines[2].ShouldStartWith("2,\"'=HYPERLINK(");
    }

    [Fact]
    public async Task Bad_lists_get_problems_with_their_status_and_code()
    {
        using var client = database.Site.CreateClient();

        (await ProblemAsync(client, new ByteArrayContent(new byte[3 * 1024 * 1024]) { Headers = { ContentType = new("text/csv") } }))
            .ShouldBe((HttpStatusCode.RequestEntityTooLarge, "FILE_TOO_LARGE"));
        (await ProblemAsync(client, new StringContent("<html>", Encoding.UTF8, "text/html"))).ShouldBe((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE"));
        (await ProblemAsync(client, new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]) { Headers = { ContentType = new("text/csv") } }))
            .ShouldBe((HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_FILE"));
        (await ProblemAsync(client, new StringContent("{\"rows\": 5}", Encoding.UTF8, "application/json"))).ShouldBe((HttpStatusCode.BadRequest, "BAD_REQUEST_BODY"));
        (await ProblemAsync(client, new StringContent("{\"rows\": [[1]]}", Encoding.UTF8, "application/json"))).ShouldBe((HttpStatusCode.BadRequest, "BAD_REQUEST_BODY"));
        (await ProblemAsync(client, new StringContent("{\"rows\": [\"a\\u0000b\"]}", Encoding.UTF8, "application/json"))).ShouldBe((HttpStatusCode.BadRequest, "INVALID_TEXT"));
        (await ProblemAsync(client, new StringContent("{\"rows\": []}", Encoding.UTF8, "application/json"))).ShouldBe((HttpStatusCode.BadRequest, "EMPTY_LIST"));
        (await ProblemAsync(client, JsonContent.Create(new { rows = Enumerable.Range(0, 1002).Select(i => $"公司{i}") })))
            .ShouldBe((HttpStatusCode.RequestEntityTooLarge, "TOO_MANY_ROWS"));
    }

    private static async Task<(HttpStatusCode, string?)> ProblemAsync(HttpClient client, HttpContent content)
    {
        using (content)
        {
            using var response = await client.PostAsync(new Uri("/api/check", UriKind.Relative), content, TestContext.Current.CancellationToken);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            return (response.StatusCode, problem.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task With_receipt_true_the_answer_is_also_kept_as_a_signed_receipt_of_the_same_report()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using var client = database.Site.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/check?receipt=true", UriKind.Relative),
            new { rows = new[] { companies.Withdrawn.Number, "TST-2099-NEVER-ISSUED-8" } }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        json.GetProperty("rows").GetArrayLength().ShouldBe(2, "the report keeps its shape");
        var receipt = json.GetProperty("receipt");
        var id = receipt.GetProperty("id").GetString()!;
        response.Headers.GetValues("Link").ShouldHaveSingleItem().ShouldBe($"</receipts/{id}>; rel=\"star-receipt\"");
        var genuine = (await TestSupport.Receipts.VerifyDownloadAsync(client, id)).ShouldBeOfType<Registry.Signing.Receipts.GenuineReceipt>();
        genuine.Claims.AsOf.ShouldBe(json.GetProperty("asOf").GetDateTimeOffset(), "the receipt signs the very report the caller got");
        genuine.Claims.Rows[0].Certificates.Single().Status.ShouldBe("WITHDRAWN");
        receipt.GetProperty("document").GetString().ShouldBe(await client.GetStringAsync(new Uri($"/receipts/{id}/receipt.jws", UriKind.Relative)));

        using var plain = await client.PostAsJsonAsync(new Uri("/api/check", UriKind.Relative), new { rows = new[] { companies.Valid.Number } },
            TestContext.Current.CancellationToken);
        plain.Headers.Contains("Link").ShouldBeFalse("no receipt unless asked for");
    }

    private static async Task<JsonElement> CheckAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/check", UriKind.Relative), body, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static void AssertRow(JsonElement row, string takenAs, string[] numbers, string[] statuses, string[] concerns)
    {
        row.GetProperty("takenAs").GetString().ShouldBe(takenAs);
        Numbers(row).ShouldBe(numbers);
        row.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("status").GetString()).ShouldBe(statuses);
        Concerns(row).ShouldBe(concerns);
        row.GetProperty("needsAttention").GetBoolean().ShouldBe(concerns.Length > 0);
    }

    private static string?[] Numbers(JsonElement row) => [.. row.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("number").GetString())];

    private static string?[] Concerns(JsonElement row) => [.. row.GetProperty("concerns").EnumerateArray().Select(c => c.GetString())];
}
