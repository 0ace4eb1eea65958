using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.Publishing.Api;

/// <summary>Every write a body can make, over HTTP against the running site, each answered with its payload.</summary>
public sealed class OperationsTests(RegistryDatabase database)
{
    [Fact]
    public async Task A_certificate_goes_through_its_whole_life_through_the_api()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var today = PublishingApiClient.Today;

        var issued = await api.IssueAsync();
        issued.Version.ShouldBe(1);
        issued.Status.ShouldBe("Valid");
        issued.Level.ShouldBe("four-star");
        issued.Event.Kind.ShouldBe("Issued");
        var path = $"/api/publishing/certificates/{issued.Number}";

        var scope = await PublishingApiClient.OkAsync<CertificatePayload>(await api.PostAsync($"{path}/change-scope",
            new { expectedVersion = 1, effectiveOn = today, scopeZh = "家用电器的维修服务", scopeEn = "Repair of household appliances" }));
        scope.Version.ShouldBe(2);
        scope.ScopeZh.ShouldBe("家用电器的维修服务");

        var level = await PublishingApiClient.OkAsync<CertificatePayload>(await api.PostAsync($"{path}/change-level",
            new { expectedVersion = 2, effectiveOn = today, level = "five-star", totalScore = 96, reason = "Surveillance audit" }));
        level.Version.ShouldBe(3);
        level.Level.ShouldBe("five-star");
        level.TotalScore.ShouldBe(96m);

        var suspended = await PublishingApiClient.OkAsync<CertificatePayload>(await api.PostAsync($"{path}/suspend",
            new { expectedVersion = 3, effectiveOn = today, reason = "Complaint handling not corrected" }));
        suspended.Status.ShouldBe("Suspended");
        suspended.Event.Reason.ShouldBe("Complaint handling not corrected");

        var reinstated = await PublishingApiClient.OkAsync<CertificatePayload>(await api.PostAsync($"{path}/reinstate",
            new { expectedVersion = 4, effectiveOn = today, reason = "Corrected" }));
        reinstated.Status.ShouldBe("Valid");

        var renewed = await PublishingApiClient.OkAsync<CertificatePayload>(await api.PostAsync($"{path}/renew",
            new { expectedVersion = 5, effectiveOn = today, expiresOn = PublishingApiClient.Day(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddYears(3)) }));
        renewed.Version.ShouldBe(6);
        renewed.Event.Kind.ShouldBe("Renewed");

        var withdrawn = await PublishingApiClient.OkAsync<CertificatePayload>(await api.PostAsync($"{path}/withdraw",
            new { expectedVersion = 6, effectiveOn = today, reason = "Fraudulent surveillance records" }));
        withdrawn.Status.ShouldBe("Withdrawn");
        withdrawn.Version.ShouldBe(7);

        await using var db = database.CreateContext();
        var stored = await db.Certificates.Include(c => c.Events).SingleAsync(c => c.NormalizedNumber == issued.NormalizedNumber);
        stored.Events.OrderBy(e => e.Sequence).Select(e => e.Kind).ShouldBe([StatusEventKind.Issued, StatusEventKind.ScopeChanged, StatusEventKind.LevelChanged,
            StatusEventKind.Suspended, StatusEventKind.Reinstated, StatusEventKind.Renewed, StatusEventKind.Withdrawn]);
        // The public history names the body and the channel; the key stays in the audit log.
        stored.Events.ShouldAllBe(e => e.Actor == $"{api.Body.Code} API");
        (await db.Outbox.CountAsync(m => m.CertificateId == stored.Id)).ShouldBe(7);
        (await db.AuditEntries.CountAsync(e => e.CertificateNumber == issued.NormalizedNumber && e.Outcome == Registry.Web.Features.Audit.AuditOutcome.Applied)).ShouldBe(7);
    }

    [Fact]
    public async Task A_refused_change_is_a_problem_with_the_domain_code_and_changes_nothing()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();

        using var response = await api.PostAsync($"/api/publishing/certificates/{issued.Number}/reinstate",
            new { effectiveOn = PublishingApiClient.Today, reason = "Nothing to reinstate" });

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "CERTIFICATE_NOT_SUSPENDED");
        await using var db = database.CreateContext();
        (await db.StatusEvents.CountAsync(e => db.Certificates.Any(c => c.Id == e.CertificateId && c.NormalizedNumber == issued.NormalizedNumber))).ShouldBe(1);
    }

    [Theory]
    [InlineData("""{"effectiveOn": "2026-02-30", "reason": "x"}""", "INVALID_INPUT")]
    [InlineData("""{"effectiveOn": "tomorrow", "reason": "x"}""", "INVALID_INPUT")]
    [InlineData("""{"reason": "x"}""", "INVALID_INPUT")]
    [InlineData("""{"effectiveOn": "2026-01-01", "reason": "x", "level": "five-star"}""", "INVALID_INPUT")]
    [InlineData("""{"effectiveOn": "2026-01-01", "reason": "x", "colour": "red"}""", "INVALID_INPUT")]
    [InlineData("""{"effectiveOn": "2026-01-01", "reason": ["x"]}""", "INVALID_INPUT")]
    [InlineData("""{"effectiveOn": "2026-01-01", "expectedVersion": "one", "reason": "x"}""", "INVALID_INPUT")]
    [InlineData("""{"effectiveOn": "2026-01-01", "reason": "x",""", "MALFORMED_BODY")]
    [InlineData("""[1, 2]""", "MALFORMED_BODY")]
    [InlineData("", "MALFORMED_BODY")]
    public async Task Bad_input_is_a_400_problem_never_a_server_error(string body, string code)
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();

        using var response = await api.PostRawAsync($"/api/publishing/certificates/{issued.Number}/suspend", body, "application/json");

        await PublishingApiClient.ProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task An_unknown_operation_is_404_and_an_unknown_number_is_CERTIFICATE_NOT_FOUND()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var unknown = await api.PostAsync("/api/publishing/certificates/ABC-123456/explode", new { });
        await PublishingApiClient.ProblemAsync(unknown, HttpStatusCode.NotFound, "UNKNOWN_OPERATION");
        using var missing = await api.PostAsync("/api/publishing/certificates/NOPE-999999/suspend", new { effectiveOn = PublishingApiClient.Today, reason = "x" });
        await PublishingApiClient.ProblemAsync(missing, HttpStatusCode.NotFound, "CERTIFICATE_NOT_FOUND");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_not_html_pages()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var nowhere = await api.PostAsync("/api/publishing/nowhere", new { });
        await PublishingApiClient.ProblemAsync(nowhere, HttpStatusCode.NotFound, "NOT_FOUND");
        using var wrongMethod = await api.Http.GetAsync("/api/publishing/bulk");
        await PublishingApiClient.ProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Issue_refuses_a_level_the_score_does_not_earn_and_a_number_that_is_taken()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);

        using var mismatch = await api.PostAsync("/api/publishing/certificates", PublishingApiClient.IssueFields(change: f => f["totalScore"] = 85));
        await PublishingApiClient.ProblemAsync(mismatch, HttpStatusCode.UnprocessableEntity, "LEVEL_SCORE_MISMATCH");
        var issued = await api.IssueAsync();
        using var duplicate = await api.PostAsync("/api/publishing/certificates", PublishingApiClient.IssueFields(issued.Number.ToLowerInvariant()));
        await PublishingApiClient.ProblemAsync(duplicate, HttpStatusCode.Conflict, "DUPLICATE_CERTIFICATE_NUMBER");
    }

    [Fact]
    public async Task Qr_codes_are_signed_for_the_paper_certificate_and_allocated_for_plaques()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(api.Body.Code, "test", CancellationToken.None);
        var issued = await api.IssueAsync();

        var paper = await PublishingApiClient.OkAsync<QrPayload>(await api.PostAsync($"/api/publishing/certificates/{issued.Number}/qr", new { medium = "Certificate" }));
        paper.Codes.Single().Serial.ShouldBe(0);
        paper.Codes.Single().Text.ShouldStartWith("HTTP");
        paper.Codes.Single().Text.ShouldContain("/V/");

        var plaques = await PublishingApiClient.OkAsync<QrPayload>(await api.PostAsync($"/api/publishing/certificates/{issued.Number}/qr", new { medium = "Plaque", count = 3 }));
        plaques.Codes.Select(c => c.Serial).ShouldBe([1, 2, 3]);
        plaques.Codes.Select(c => c.Text).Distinct().Count().ShouldBe(3);

        using var tooMany = await api.PostAsync($"/api/publishing/certificates/{issued.Number}/qr", new { medium = "Plaque", count = 1001 });
        await PublishingApiClient.ProblemAsync(tooMany, HttpStatusCode.BadRequest, "INVALID_INPUT");
        using var noMedium = await api.PostAsync($"/api/publishing/certificates/{issued.Number}/qr", new { medium = "Billboard" });
        await PublishingApiClient.ProblemAsync(noMedium, HttpStatusCode.BadRequest, "INVALID_INPUT");
    }

    [Fact]
    public async Task A_body_rotates_and_revokes_its_own_signing_keys()
    {
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var first = await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(api.Body.Code, "test", CancellationToken.None);

        using var stale = await api.PostAsync("/api/publishing/signing-keys/rotate", new { expectedActiveKid = "AAAAAA" });
        await PublishingApiClient.ProblemAsync(stale, HttpStatusCode.Conflict, "OUTDATED_VERSION");
        var rotation = await PublishingApiClient.OkAsync<SigningKeyRotationPayload>(
            await api.PostAsync("/api/publishing/signing-keys/rotate", new { expectedActiveKid = first.Kid }));
        rotation.Retired.Kid.ShouldBe(first.Kid);
        rotation.Retired.State.ShouldBe("Retired");
        rotation.Active.State.ShouldBe("Active");

        var revoked = await PublishingApiClient.OkAsync<SigningKeyPayload>(
            await api.PostAsync($"/api/publishing/signing-keys/{first.Kid}/revoke", new { reason = "Old laptop lost" }));
        revoked.State.ShouldBe("Revoked");
        revoked.RevocationReason.ShouldBe("Old laptop lost");
        using var again = await api.PostAsync($"/api/publishing/signing-keys/{first.Kid}/revoke", new { reason = "again" });
        await PublishingApiClient.ProblemAsync(again, HttpStatusCode.UnprocessableEntity, "SIGNING_KEY_REFUSED");
        using var unknown = await api.PostAsync("/api/publishing/signing-keys/ZZZZZZ/revoke", new { reason = "x" });
        await PublishingApiClient.ProblemAsync(unknown, HttpStatusCode.NotFound, "UNKNOWN_SIGNING_KEY");
    }
}
