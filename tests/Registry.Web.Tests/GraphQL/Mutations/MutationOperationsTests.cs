using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Audit;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.GraphQL.Mutations;

/// <summary>Every mutation's happy path over HTTP, each checked in the payload and in PostgreSQL.</summary>
public sealed class MutationOperationsTests(RegistryDatabase database)
{
    private static string Today => PublishingApiClient.Today;

    [Fact]
    public async Task A_certificate_goes_through_its_whole_life_through_mutations()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var issued = await body.IssueAsync();
        issued.GetProperty("version").GetInt32().ShouldBe(1);
        issued.GetProperty("status").GetString().ShouldBe("VALID");
        issued.GetProperty("event").GetProperty("kind").GetString().ShouldBe("ISSUED");
        var number = issued.GetProperty("number").GetString()!;

        var scope = await ChangeAsync(body, "changeScope", "ChangeScopeInput", new { number, expectedVersion = 1, effectiveOn = Today, scopeZh = "家用电器的维修服务", scopeEn = "Repair" });
        scope.GetProperty("change").GetProperty("scopeZh").GetString().ShouldBe("家用电器的维修服务");
        var level = await ChangeAsync(body, "changeLevel", "ChangeLevelInput",
            new { number, expectedVersion = 2, effectiveOn = Today, level = "five-star", totalScore = 96.5, serviceSystemScore = 97, reason = "Surveillance audit" });
        level.GetProperty("change").GetProperty("level").GetString().ShouldBe("five-star");
        level.GetProperty("change").GetProperty("totalScore").GetDouble().ShouldBe(96.5);
        var suspended = await ChangeAsync(body, "suspendCertificate", "SuspendCertificateInput", new { number, expectedVersion = 3, effectiveOn = Today, reason = "Complaint handling not corrected" });
        suspended.GetProperty("change").GetProperty("status").GetString().ShouldBe("SUSPENDED");
        suspended.GetProperty("certificate").GetProperty("status").GetString().ShouldBe("SUSPENDED", "the live certificate, read after the change");
        var reinstated = await ChangeAsync(body, "reinstateCertificate", "ReinstateCertificateInput", new { number, expectedVersion = 4, effectiveOn = Today, reason = "Corrected" });
        reinstated.GetProperty("change").GetProperty("status").GetString().ShouldBe("VALID");
        var renewed = await ChangeAsync(body, "renewCertificate", "RenewCertificateInput",
            new { number, expectedVersion = 5, effectiveOn = Today, expiresOn = PublishingApiClient.Day(DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture).AddYears(3)) });
        renewed.GetProperty("change").GetProperty("event").GetProperty("kind").GetString().ShouldBe("RENEWED");
        var withdrawn = await ChangeAsync(body, "withdrawCertificate", "WithdrawCertificateInput", new { number, expectedVersion = 6, effectiveOn = Today, reason = "Fraudulent records" });
        withdrawn.GetProperty("change").GetProperty("version").GetInt32().ShouldBe(7);
        withdrawn.GetProperty("certificate").GetProperty("version").GetInt32().ShouldBe(7);
        withdrawn.GetProperty("certificate").GetProperty("history").GetArrayLength().ShouldBe(7);

        await using var db = database.CreateContext();
        var stored = await db.Certificates.Include(c => c.Events).SingleAsync(c => c.Number == number);
        stored.Events.OrderBy(e => e.Sequence).Select(e => e.Kind).ShouldBe([StatusEventKind.Issued, StatusEventKind.ScopeChanged, StatusEventKind.LevelChanged,
            StatusEventKind.Suspended, StatusEventKind.Reinstated, StatusEventKind.Renewed, StatusEventKind.Withdrawn]);
        stored.Events.ShouldAllBe(e => e.Actor == $"{body.Rest.Body.Code} API" && !e.Actor.Contains(body.Rest.KeyId));
        (await db.AuditEntries.CountAsync(e => e.BodyId == body.Body.Id && e.Outcome == AuditOutcome.Applied)).ShouldBe(7);
    }

    [Fact]
    public async Task A_certificate_is_cancelled_at_the_holders_request()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;

        var cancelled = await ChangeAsync(body, "cancelCertificate", "CancelCertificateInput", new { number, expectedVersion = 1, effectiveOn = Today, reason = "Holder closed the business" });

        cancelled.GetProperty("change").GetProperty("status").GetString().ShouldBe("CANCELLED");
        cancelled.GetProperty("change").GetProperty("event").GetProperty("kind").GetString().ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task Two_mutations_in_one_request_run_in_order_and_the_second_sees_the_first()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;
        const string document = """
            mutation Two($s: SuspendCertificateInput!, $w: WithdrawCertificateInput!) {
              s: suspendCertificate(input: $s) { errors { code } certificate { version status history { kind } } }
              w: withdrawCertificate(input: $w) { errors { code } certificate { version status history { kind } } }
            }
            """;

        var answer = await body.Client.PostAsync(document, new
        {
            s = new { number, expectedVersion = 1, effectiveOn = Today, reason = "Complaint" },
            w = new { number, expectedVersion = 2, effectiveOn = Today, reason = "Not corrected" },
        });

        ((int)answer.Status).ShouldBe(200, answer.ToString());
        answer.Data.GetProperty("s").GetProperty("certificate").GetProperty("history").GetArrayLength().ShouldBe(2);
        var second = answer.Data.GetProperty("w");
        second.GetProperty("errors").GetArrayLength().ShouldBe(0, answer.ToString());
        second.GetProperty("certificate").GetProperty("status").GetString().ShouldBe("WITHDRAWN");
        second.GetProperty("certificate").GetProperty("history").GetArrayLength().ShouldBe(3, "read afresh, not from the first field's loader");
    }

    [Fact]
    public async Task A_body_issues_QR_codes_and_rotates_and_revokes_its_signing_keys()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var first = await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(body.Body.Code, "test", CancellationToken.None);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;
        const string qrSelection = "qr { number medium codes { serial text } }";

        var paper = GraphQLBody.Applied(await body.MutateAsync("issueQr", "IssueQrInput", new { number, medium = "CERTIFICATE" }, qrSelection), "issueQr");
        paper.GetProperty("qr").GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("serial").GetInt32()).ShouldBe([0]);
        var plaques = GraphQLBody.Applied(await body.MutateAsync("issueQr", "IssueQrInput", new { number, medium = "PLAQUE", count = 3 }, qrSelection), "issueQr");
        var codes = plaques.GetProperty("qr").GetProperty("codes").EnumerateArray().ToList();
        codes.Select(c => c.GetProperty("serial").GetInt32()).ShouldBe([1, 2, 3]);
        codes.ShouldAllBe(c => c.GetProperty("text").GetString()!.Contains("/V/"));

        const string rotation = "rotation { retired { kid state } active { kid state } }";
        var stale = await body.MutateAsync("rotateSigningKey", "RotateSigningKeyInput", new { expectedActiveKid = "AAAAAA" }, rotation);
        GraphQLBody.Refused(stale, "rotateSigningKey").ShouldBe(("ConflictError", "OUTDATED_VERSION"));
        var rotated = GraphQLBody.Applied(await body.MutateAsync("rotateSigningKey", "RotateSigningKeyInput", new { expectedActiveKid = first.Kid }, rotation), "rotateSigningKey");
        rotated.GetProperty("rotation").GetProperty("retired").GetProperty("kid").GetString().ShouldBe(first.Kid);
        rotated.GetProperty("rotation").GetProperty("active").GetProperty("state").GetString().ShouldBe("Active");

        const string key = "signingKey { kid state revocationReason revokedAt }";
        var revoked = GraphQLBody.Applied(await body.MutateAsync("revokeSigningKey", "RevokeSigningKeyInput", new { kid = first.Kid, reason = "Old laptop lost" }, key), "revokeSigningKey");
        revoked.GetProperty("signingKey").GetProperty("state").GetString().ShouldBe("Revoked");
        revoked.GetProperty("signingKey").GetProperty("revocationReason").GetString().ShouldBe("Old laptop lost");
        var unknown = await body.MutateAsync("revokeSigningKey", "RevokeSigningKeyInput", new { kid = "ZZZZZZ", reason = "x" }, key);
        GraphQLBody.Refused(unknown, "revokeSigningKey").ShouldBe(("NotFoundError", "UNKNOWN_SIGNING_KEY"));
    }

    [Fact]
    public async Task A_refusal_by_a_registry_rule_is_a_typed_error_with_the_domain_code()
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;

        var mismatch = await body.MutateAsync("changeLevel", "ChangeLevelInput", new { number, effectiveOn = Today, level = "five-star", totalScore = 81 });
        var reinstate = await body.MutateAsync("reinstateCertificate", "ReinstateCertificateInput", new { number, effectiveOn = Today });
        var missing = await body.MutateAsync("suspendCertificate", "SuspendCertificateInput", new { number = "NOPE-000000001", effectiveOn = Today, reason = "x" });

        GraphQLBody.Refused(mismatch, "changeLevel").ShouldBe(("RuleViolationError", "LEVEL_SCORE_MISMATCH"));
        GraphQLBody.Refused(reinstate, "reinstateCertificate").ShouldBe(("RuleViolationError", "CERTIFICATE_NOT_SUSPENDED"));
        GraphQLBody.Refused(missing, "suspendCertificate").ShouldBe(("NotFoundError", "CERTIFICATE_NOT_FOUND"));
        mismatch.Data.GetProperty("changeLevel").GetProperty("certificate").ValueKind.ShouldBe(JsonValueKind.Null);
        await using var db = database.CreateContext();
        (await db.Certificates.SingleAsync(c => c.Number == number)).EventCount.ShouldBe(1);
    }

    private static async Task<JsonElement> ChangeAsync(GraphQLBody body, string field, string inputType, object input) =>
        GraphQLBody.Applied(await body.MutateAsync(field, inputType, input), field);
}
