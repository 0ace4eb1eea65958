namespace Registry.Web.Tests.Publishing.Bulk;

/// <summary>Bulk documents that cannot be read, or are too big: refused whole, before any row is applied.</summary>
public sealed class BulkInputTests(RegistryDatabase database)
{
    [Theory]
    [InlineData("operation,number,effective_on,reason\nsuspend,\"ABC-123456,2026-01-01,x\n", "text/csv")]
    [InlineData("operation,number,effective_on,reason\nsuspend,AB\"C-123456,2026-01-01,x\n", "text/csv")]
    [InlineData("operation,number,colour\nsuspend,ABC-123456,red\n", "text/csv")]
    [InlineData("operation,number,number\nsuspend,ABC-123456,ABC-123456\n", "text/csv")]
    [InlineData("effective_on,reason\n2026-01-01,x\n", "text/csv")]
    [InlineData("operation,number,effective_on,reason\n", "text/csv")]
    [InlineData("", "text/csv")]
    [InlineData("[{\"operation\": \"suspend\",", "application/json")]
    [InlineData("{\"operation\": \"suspend\"}", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("[[[[[[[[1]]]]]]]]", "application/json")]
    public async Task A_malformed_document_is_a_400_problem(string body, string mediaType)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var response = await api.PostRawAsync("/api/publishing/bulk", body, mediaType);

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "MALFORMED_DOCUMENT");
    }

    [Fact]
    public async Task A_csv_that_is_not_utf8_is_refused()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        byte[] gbk = [.. "operation,number,effective_on,reason\nsuspend,ABC-123456,2026-01-01,"u8, 0xB2, 0xE2, 0xCA, 0xD4, (byte)'\n'];

        using var response = await api.PostRawAsync("/api/publishing/bulk", gbk, "text/csv");

        var problem = await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, "MALFORMED_DOCUMENT");
        problem.GetProperty("detail").GetString()!.ShouldContain("UTF-8");
    }

    [Fact]
    public async Task A_csv_with_a_byte_order_mark_reads_like_one_without()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        byte[] csv = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"operation,number,effective_on,reason\r\nsuspend,{issued.Number},{PublishingApiClient.Today},Complaint\r\n")];

        using var response = await api.PostRawAsync("/api/publishing/bulk", csv, "text/csv");

        (await PublishingApiClient.OkAsync<System.Text.Json.JsonElement>(response)).GetProperty("applied").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task More_than_10000_rows_is_413_and_applies_none()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        var csv = new StringBuilder("operation,number,effective_on,reason\n");
        csv.Append(CultureInfo.InvariantCulture, $"suspend,{issued.Number},{PublishingApiClient.Today},Complaint\n");
        for (var i = 0; i < 10_000; i++)
        {
            csv.Append("suspend,NOPE-000000,2026-01-01,x\n");
        }

        using var response = await api.PostRawAsync("/api/publishing/bulk", csv.ToString(), "text/csv");

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE");
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.NormalizedNumber == issued.NormalizedNumber)).EventCount.ShouldBe(1);
    }

    [Fact]
    public async Task More_than_10000_json_rows_is_413()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var json = "[" + string.Join(",", Enumerable.Repeat("{}", 10_001)) + "]";

        using var response = await api.PostRawAsync("/api/publishing/bulk", json, "application/json");

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE");
    }

    [Fact]
    public async Task A_body_over_16_MiB_is_413()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var body = new byte[(16 * 1024 * 1024) + 1];
        Array.Fill(body, (byte)' ');

        using var response = await api.PostRawAsync("/api/publishing/bulk", body, "application/json");

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "TOO_LARGE");
    }

    [Fact]
    public async Task Another_content_type_is_415()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var response = await api.PostRawAsync("/api/publishing/bulk", "operation,number", "application/vnd.ms-excel");

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task A_field_over_2000_characters_fails_its_row_only()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        var csv = $"operation,number,effective_on,scope_zh\nchange-scope,{issued.Number},{PublishingApiClient.Today},{new string('范', 2001)}\n" +
            $"change-scope,{issued.Number},{PublishingApiClient.Today},{new string('范', 2000)}\n";

        using var response = await api.PostRawAsync("/api/publishing/bulk", csv, "text/csv");

        var result = await PublishingApiClient.OkAsync<System.Text.Json.JsonElement>(response);
        result.GetProperty("results")[0].GetProperty("errorCode").GetString().ShouldBe("FIELD_TOO_LONG");
        result.GetProperty("results")[1].GetProperty("outcome").GetString().ShouldBe("applied");
    }
}
