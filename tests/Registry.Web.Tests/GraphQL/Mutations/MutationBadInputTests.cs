using Registry.Web.Features.Audit;

namespace Registry.Web.Tests.GraphQL.Mutations;

/// <summary>
/// Input that is wrong in form: a GraphQL error with a stable extensions.code, nothing changed. Scalar errors
/// (dates) stop the request before it runs (400); checks of form inside the mutation null only its field (200)
/// and are audited as refusals.
/// </summary>
public sealed class MutationBadInputTests(RegistryDatabase database)
{
    public static TheoryData<string, string, int, string> Cases => new()
    {
        { "date not yyyy-MM-dd", "{\"number\":\"@N\",\"effectiveOn\":\"03/05/2026\",\"reason\":\"x\"}", 400, "INVALID_DATE" },
        { "impossible date", "{\"number\":\"@N\",\"effectiveOn\":\"2026-02-30\",\"reason\":\"x\"}", 400, "INVALID_DATE" },
        { "date as a number", "{\"number\":\"@N\",\"effectiveOn\":20260305,\"reason\":\"x\"}", 400, "INVALID_DATE" },
        { "version as text", "{\"number\":\"@N\",\"expectedVersion\":\"one\",\"effectiveOn\":\"@T\",\"reason\":\"x\"}", 400, "INVALID_VARIABLE_VALUE" },
        { "malformed number", "{\"number\":\"证书①②③\",\"effectiveOn\":\"@T\",\"reason\":\"x\"}", 200, "MALFORMED_CERTIFICATE_NUMBER" },
        { "reason over 2,000 characters", "{\"number\":\"@N\",\"effectiveOn\":\"@T\",\"reason\":\"" + new string('x', 2001) + "\"}", 200, "FIELD_TOO_LONG" },
        { "idempotency key with spaces", "{\"number\":\"@N\",\"effectiveOn\":\"@T\",\"reason\":\"x\",\"idempotencyKey\":\"a b\"}", 200, "IDEMPOTENCY_KEY_INVALID" },
        { "version zero", "{\"number\":\"@N\",\"expectedVersion\":0,\"effectiveOn\":\"@T\",\"reason\":\"x\"}", 200, "INVALID_INPUT" },
        { "unknown input field", "{\"number\":\"@N\",\"effectiveOn\":\"@T\",\"reason\":\"x\",\"level\":\"five-star\"}", 400, "INVALID_VARIABLE_VALUE" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_suspension_with_bad_input_has_a_stable_code_and_changes_nothing(string why, string input, int status, string code)
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;
        var json = $"{{\"query\":{System.Text.Json.JsonSerializer.Serialize(GraphQLBody.Document("suspendCertificate", "SuspendCertificateInput"))},\"variables\":{{\"input\":{input.Replace("@N", number).Replace("@T", PublishingApiClient.Today)}}}}}";

        var answer = await body.Client.PostJsonAsync(json);

        ((int)answer.Status).ShouldBe(status, $"{why}: {answer}");
        answer.Codes.ShouldBe([code], why);
        answer.Body.ShouldNotContain("   at ", Case.Sensitive);
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.Number == number)).EventCount.ShouldBe(1, why);
        var refusals = await db.AuditEntries.Where(e => e.BodyId == body.Body.Id && e.Outcome == AuditOutcome.Refused).Select(e => e.ErrorCode).ToListAsync();
        refusals.ShouldBe(status == 200 ? [code] : [], why);
    }

    [Theory]
    [InlineData("9133", "MALFORMED_CREDIT_CODE")]
    [InlineData("91330106MA27XK6L3Q", "CREDIT_CODE_CHECK_FAILED")]
    public async Task An_issue_with_a_bad_credit_code_is_refused_before_anything_is_registered(string creditCode, string code)
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var input = GraphQLBody.IssueInput();
        input["organisationCreditCode"] = creditCode;

        var answer = await body.MutateAsync("issueCertificate", "IssueCertificateInput", input);

        answer.Status.ShouldBe(HttpStatusCode.OK, answer.ToString());
        answer.Codes.ShouldBe([code]);
        answer.Data.GetProperty("issueCertificate").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        await using var db = database.CreateContext();
        (await db.Certificates.CountAsync(c => c.Number == (string)input["number"]!)).ShouldBe(0);
    }

    [Fact]
    public async Task A_QR_order_out_of_range_is_INVALID_INPUT_and_allocates_nothing()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;

        var tooMany = await body.MutateAsync("issueQr", "IssueQrInput", new { number, medium = "PLAQUE", count = 1001 }, "qr { number }");
        var unknownMedium = await body.MutateAsync("issueQr", "IssueQrInput", new { number, medium = "BILLBOARD" }, "qr { number }");

        tooMany.Codes.ShouldBe(["INVALID_INPUT"]);
        unknownMedium.Status.ShouldBe(HttpStatusCode.BadRequest);
        unknownMedium.Codes.ShouldBe(["INVALID_VARIABLE_VALUE"]);
        await using var db = database.CreateContext();
        var id = await db.Certificates.Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        (await db.QrPrints.CountAsync(p => p.CertificateId == id)).ShouldBe(0);
    }
}
