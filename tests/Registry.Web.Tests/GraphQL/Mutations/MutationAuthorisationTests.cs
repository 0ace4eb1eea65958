using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Audit;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.GraphQL.Mutations;

/// <summary>
/// Who may do what over GraphQL: body A's key against every mutation on body B's certificate and keys (typed
/// error, nothing changed, audited in A's log only); and no key, a wrong key, a revoked key (401 UNAUTHENTICATED).
/// </summary>
public sealed class MutationAuthorisationTests(RegistryDatabase database)
{
    public static TheoryData<string> Fields => new(
        "renewCertificate", "changeScope", "changeLevel", "suspendCertificate", "reinstateCertificate", "withdrawCertificate", "cancelCertificate",
        "issueQr", "revokeSigningKey", "rotateSigningKey", "issueCertificate", "bulkPublish");

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Another_bodys_key_is_refused_with_a_typed_error_and_changes_nothing(string field)
    {
        var owner = await GraphQLBody.ForNewBodyAsync(database);
        var intruder = await GraphQLBody.ForNewBodyAsync(database);
        var ownerKey = await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(owner.Body.Code, "test", CancellationToken.None);
        var number = (await owner.IssueAsync()).GetProperty("number").GetString()!;
        var before = await SnapshotAsync(owner, number);

        var (inputType, input, selection, type, code) = Attempt(field, number, ownerKey.Kid);
        var answer = await intruder.MutateAsync(field, inputType, input, selection);

        if (field == "bulkPublish")
        {
            var payload = GraphQLBody.Applied(answer, field);
            payload.GetProperty("refused").GetInt32().ShouldBe(3);
            payload.GetProperty("results").EnumerateArray().ShouldAllBe(r =>
                r.GetProperty("error").GetProperty("code").GetString() == code && r.GetProperty("error").GetProperty("__typename").GetString() == type);
        }
        else
        {
            GraphQLBody.Refused(answer, field).ShouldBe((type, code));
        }

        answer.Body.ShouldNotContain("家用电器", Case.Sensitive, "nothing of the owner's certificate comes back");
        (await SnapshotAsync(owner, number)).ShouldBe(before, "nothing of the owner's changed");
        await using var db = database.CreateContext();
        var intruderLog = await db.AuditEntries.Where(e => e.BodyId == intruder.Body.Id).ToListAsync();
        intruderLog.ShouldNotBeEmpty();
        intruderLog.ShouldAllBe(e => e.Outcome == AuditOutcome.Refused && e.ErrorCode == code && e.ApiKeyId == intruder.Rest.KeyId);
        (await db.AuditEntries.CountAsync(e => e.BodyId == owner.Body.Id)).ShouldBe(1, "the owner's log holds only its own issue");
    }

    [Fact]
    public async Task A_mutation_without_a_key_is_401_UNAUTHENTICATED_and_runs_nothing()
    {
        var anonymous = GraphQLBody.ClientWith(database, null);
        var input = GraphQLBody.IssueInput();

        var answer = await anonymous.PostAsync(GraphQLBody.Document("issueCertificate", "IssueCertificateInput"), new { input });
        var plainJson = await anonymous.PostAsync(GraphQLBody.Document("issueCertificate", "IssueCertificateInput"), new { input }, accept: "application/json");

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized, answer.ToString());
        answer.Codes.ShouldBe(["UNAUTHENTICATED"]);
        answer.HasData.ShouldBeFalse();
        answer.Response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        plainJson.Status.ShouldBe(HttpStatusCode.Unauthorized);
        plainJson.Codes.ShouldBe(["UNAUTHENTICATED"]);
        await using var db = database.CreateContext();
        (await db.Certificates.CountAsync(c => c.Number == (string)input["number"]!)).ShouldBe(0);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("wrong secret")]
    [InlineData("revoked")]
    public async Task A_mutation_with_a_bad_key_is_401_UNAUTHENTICATED_and_changes_nothing(string kind)
    {
        var body = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await body.IssueAsync()).GetProperty("number").GetString()!;
        var token = body.Rest.Token;
        if (kind == "revoked")
        {
            await using var db = database.CreateContext();
            await new ApiKeyStore(db, TimeProvider.System, NullLogger<ApiKeyStore>.Instance).RevokeAsync(body.Rest.KeyId, "test", CancellationToken.None);
        }

        var presented = kind switch
        {
            "malformed" => "srk_nonsense",
            "wrong secret" => token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"),
            _ => token,
        };
        var client = GraphQLBody.ClientWith(database, presented);

        var answer = await client.PostAsync(GraphQLBody.Document("suspendCertificate", "SuspendCertificateInput"),
            new { input = new { number, effectiveOn = PublishingApiClient.Today, reason = "x" } });

        answer.Status.ShouldBe(HttpStatusCode.Unauthorized, answer.ToString());
        answer.Codes.ShouldBe(["UNAUTHENTICATED"]);
        answer.Response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
        await using var check = database.CreateContext();
        (await check.Certificates.SingleAsync(c => c.Number == number)).EventCount.ShouldBe(1);
    }

    [Fact]
    public async Task Queries_stay_public_but_the_audit_log_needs_a_key_and_shows_only_the_callers_entries()
    {
        var owner = await GraphQLBody.ForNewBodyAsync(database);
        var intruder = await GraphQLBody.ForNewBodyAsync(database);
        var number = (await owner.IssueAsync()).GetProperty("number").GetString()!;
        await intruder.MutateAsync("suspendCertificate", "SuspendCertificateInput", new { number, effectiveOn = PublishingApiClient.Today, reason = "Hostile" });
        await owner.MutateAsync("suspendCertificate", "SuspendCertificateInput", new { number, expectedVersion = 1, effectiveOn = PublishingApiClient.Today, reason = "Complaint" });
        const string query = "query Log($n: String!) { certificate(number: $n) { version } auditLog(certificate: $n, first: 1) { edges { cursor node { operation outcome errorCode apiKeyId certificateNumber } } pageInfo { hasNextPage endCursor } } }";

        var anonymous = await GraphQLBody.ClientWith(database, null).PostAsync(query, new { n = number });
        var ownerPage = await owner.Client.PostAsync(query, new { n = number });
        var intruderPage = await intruder.Client.PostAsync(query, new { n = number });

        anonymous.Status.ShouldBe(HttpStatusCode.OK, anonymous.ToString());
        anonymous.Data.GetProperty("certificate").GetProperty("version").GetInt32().ShouldBe(2, "the public part answers");
        anonymous.Data.GetProperty("auditLog").ValueKind.ShouldBe(JsonValueKind.Null);
        anonymous.Codes.ShouldBe(["UNAUTHENTICATED"]);

        ownerPage.Codes.ShouldBeEmpty(ownerPage.ToString());
        var newest = ownerPage.Data.GetProperty("auditLog");
        newest.GetProperty("edges")[0].GetProperty("node").GetProperty("operation").GetString().ShouldBe("suspend");
        newest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().ShouldBeTrue();
        var next = await owner.Client.PostAsync(
            "query Next($n: String, $after: String) { auditLog(certificate: $n, first: 10, after: $after) { edges { node { operation outcome apiKeyId } } pageInfo { hasNextPage } } }",
            new { n = number, after = newest.GetProperty("pageInfo").GetProperty("endCursor").GetString() });
        next.Codes.ShouldBeEmpty(next.ToString());
        var older = next.Data.GetProperty("auditLog").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        older.Select(n => n.GetProperty("operation").GetString()).ShouldBe(["issue"]);
        older.ShouldAllBe(n => n.GetProperty("apiKeyId").GetString() == owner.Rest.KeyId);

        var theirs = intruderPage.Data.GetProperty("auditLog").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        theirs.Count.ShouldBe(1);
        theirs[0].GetProperty("errorCode").GetString().ShouldBe("NOT_YOUR_CERTIFICATE");
        theirs[0].GetProperty("apiKeyId").GetString().ShouldBe(intruder.Rest.KeyId);
    }

    private static (string InputType, object Input, string Selection, string Type, string Code) Attempt(string field, string number, string ownerKid)
    {
        var today = PublishingApiClient.Today;
        const string notYours = "NOT_YOUR_CERTIFICATE";
        const string denied = "NotAuthorisedError";
        const string certificate = GraphQLBody.CertificateSelection;
        return field switch
        {
            "renewCertificate" => ("RenewCertificateInput", new { number, expectedVersion = 1, effectiveOn = today }, certificate, denied, notYours),
            "changeScope" => ("ChangeScopeInput", new { number, expectedVersion = 1, effectiveOn = today, scopeZh = "篡改的范围" }, certificate, denied, notYours),
            "changeLevel" => ("ChangeLevelInput", new { number, expectedVersion = 1, effectiveOn = today, level = "compliant", totalScore = 71 }, certificate, denied, notYours),
            "suspendCertificate" => ("SuspendCertificateInput", new { number, expectedVersion = 1, effectiveOn = today, reason = "Hostile" }, certificate, denied, notYours),
            "reinstateCertificate" => ("ReinstateCertificateInput", new { number, expectedVersion = 1, effectiveOn = today, reason = "Hostile" }, certificate, denied, notYours),
            "withdrawCertificate" => ("WithdrawCertificateInput", new { number, expectedVersion = 1, effectiveOn = today, reason = "Hostile" }, certificate, denied, notYours),
            "cancelCertificate" => ("CancelCertificateInput", new { number, expectedVersion = 1, effectiveOn = today, reason = "Hostile" }, certificate, denied, notYours),
            "issueQr" => ("IssueQrInput", new { number, medium = "PLAQUE", count = 2 }, "qr { codes { text } }", denied, notYours),
            "revokeSigningKey" => ("RevokeSigningKeyInput", new { kid = ownerKid, reason = "Hostile" }, "signingKey { kid }", denied, "NOT_YOUR_SIGNING_KEY"),

            // A rotation only ever touches the caller's own keys; naming the owner's active key is refused as outdated.
            "rotateSigningKey" => ("RotateSigningKeyInput", new { expectedActiveKid = ownerKid }, "rotation { active { kid } }", "ConflictError", "OUTDATED_VERSION"),

            // Issuing is always in the caller's name; taking over the owner's number is refused.
            "issueCertificate" => ("IssueCertificateInput", GraphQLBody.IssueInput(number), certificate, "ConflictError", "DUPLICATE_CERTIFICATE_NUMBER"),
            _ => ("BulkPublishInput", new
            {
                rows = new object[]
                {
                    new { operation = "SUSPEND", number, effectiveOn = today, reason = "Hostile" },
                    new { operation = "WITHDRAW", number, effectiveOn = today, reason = "Hostile" },
                    new { operation = "CHANGE_SCOPE", number, effectiveOn = today, scopeZh = "篡改" },
                },
            }, "refused results { error { __typename code } }", denied, notYours),
        };
    }

    /// <summary>Everything of the owner's that a mutation could change: events, outbox, snapshot, keys, prints.</summary>
    private async Task<string> SnapshotAsync(GraphQLBody owner, string number)
    {
        await using var db = database.CreateContext();
        var certificate = await db.Certificates.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Number == number);
        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.BodyId == owner.Body.Id).OrderBy(k => k.Id)
            .Select(k => $"{k.Kid}:{k.State}:{k.NotAfter}").ToListAsync();
        var prints = await db.QrPrints.CountAsync(p => p.CertificateId == certificate.Id);
        var outbox = await db.Outbox.CountAsync(m => m.CertificateId == certificate.Id);
        return $"{certificate.EventCount}|{certificate.Version}|{certificate.Standing}|{certificate.Level}|{certificate.ScopeZh}|{outbox}|{prints}|{string.Join(",", keys)}";
    }
}
