using Microsoft.Extensions.DependencyInjection;
using Registry.Signing.Keys;
using Registry.Web.Features.Audit;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Tests.Publishing.Api;

/// <summary>
/// Body A's key against every operation on body B's certificate and keys: denied with a clear code, nothing
/// changed, the attempt audited as refused in A's log and absent from B's.
/// </summary>
public sealed class AuthorisationMatrixTests(RegistryDatabase database)
{
    public static TheoryData<string> Operations => new(
        PublishingOperations.Renew, PublishingOperations.ChangeScope, PublishingOperations.ChangeLevel, PublishingOperations.Suspend,
        PublishingOperations.Reinstate, PublishingOperations.Withdraw, PublishingOperations.Cancel, PublishingOperations.IssueQr,
        PublishingOperations.RevokeSigningKey, PublishingOperations.RotateSigningKey, PublishingOperations.Issue, "bulk");

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Another_bodys_key_is_denied_and_changes_nothing(string operation)
    {
        var owner = await PublishingApiClient.ForNewBodyAsync(database);
        var intruder = await PublishingApiClient.ForNewBodyAsync(database);
        var keys = database.Site.Services.GetRequiredService<SigningKeyStore>();
        var ownerKey = await keys.CreateAsync(owner.Body.Code, "test", CancellationToken.None);
        var certificate = await owner.IssueAsync();
        var before = await SnapshotAsync(owner, certificate.NormalizedNumber);

        var (path, body, status, code) = Attempt(operation, certificate, ownerKey.Kid);
        using var response = await intruder.PostAsync(path, body);

        if (operation == "bulk")
        {
            var bulk = await PublishingApiClient.OkAsync<JsonElement>(response);
            bulk.GetProperty("refused").GetInt32().ShouldBe(3);
            bulk.GetProperty("results").EnumerateArray().ShouldAllBe(r => r.GetProperty("errorCode").GetString() == "NOT_YOUR_CERTIFICATE");
        }
        else
        {
            await PublishingApiClient.ProblemAsync(response, status, code);
        }

        (await SnapshotAsync(owner, certificate.NormalizedNumber)).ShouldBe(before, "nothing of the owner's changed");
        await using var db = database.CreateContext();
        var intruderLog = await db.AuditEntries.Where(e => e.BodyId == intruder.Body.Id).ToListAsync();
        intruderLog.ShouldNotBeEmpty();
        intruderLog.ShouldAllBe(e => e.Outcome == AuditOutcome.Refused && e.ErrorCode == code && e.ApiKeyId == intruder.KeyId);
        (await db.AuditEntries.CountAsync(e => e.BodyId == owner.Body.Id)).ShouldBe(1, "the owner's log holds only its own issue");
    }

    private static (string Path, object Body, HttpStatusCode Status, string Code) Attempt(string operation, CertificatePayload certificate, string ownerKid)
    {
        var path = $"/api/publishing/certificates/{certificate.Number}";
        var today = PublishingApiClient.Today;
        const HttpStatusCode denied = HttpStatusCode.Forbidden;
        const string notYours = "NOT_YOUR_CERTIFICATE";
        return operation switch
        {
            PublishingOperations.Renew => ($"{path}/renew", new { expectedVersion = 1, effectiveOn = today }, denied, notYours),
            PublishingOperations.ChangeScope => ($"{path}/change-scope", new { expectedVersion = 1, effectiveOn = today, scopeZh = "篡改的范围" }, denied, notYours),
            PublishingOperations.ChangeLevel => ($"{path}/change-level", new { expectedVersion = 1, effectiveOn = today, level = "compliant", totalScore = 71 }, denied, notYours),
            PublishingOperations.Suspend or PublishingOperations.Reinstate or PublishingOperations.Withdraw or PublishingOperations.Cancel =>
                ($"{path}/{operation}", new { expectedVersion = 1, effectiveOn = today, reason = "Hostile change" }, denied, notYours),
            PublishingOperations.IssueQr => ($"{path}/qr", new { medium = "Plaque", count = 2 }, denied, notYours),
            PublishingOperations.RevokeSigningKey => ($"/api/publishing/signing-keys/{ownerKid}/revoke", new { reason = "Hostile revocation" }, denied, "NOT_YOUR_SIGNING_KEY"),

            // A rotation only ever touches the caller's own keys; the intruder has none, so it is refused.
            PublishingOperations.RotateSigningKey => ("/api/publishing/signing-keys/rotate", new { expectedActiveKid = ownerKid }, HttpStatusCode.Conflict, "OUTDATED_VERSION"),

            // Issuing always issues in the caller's name; taking over the owner's number is refused.
            PublishingOperations.Issue => ("/api/publishing/certificates", PublishingApiClient.IssueFields(certificate.Number), HttpStatusCode.Conflict, "DUPLICATE_CERTIFICATE_NUMBER"),
            _ => ("/api/publishing/bulk", new object[]
            {
                new { operation = "suspend", number = certificate.Number, effectiveOn = today, reason = "Hostile" },
                new { operation = "withdraw", number = certificate.Number, effectiveOn = today, reason = "Hostile" },
                new { operation = "change-scope", number = certificate.Number, effectiveOn = today, scopeZh = "篡改" },
            }, HttpStatusCode.OK, notYours),
        };
    }

    /// <summary>Everything of the owner's that an operation could change: events, outbox, snapshot, keys, prints.</summary>
    private async Task<string> SnapshotAsync(PublishingApiClient owner, string number)
    {
        await using var db = database.CreateContext();
        var certificate = await db.Certificates.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.NormalizedNumber == number);
        var keys = await db.SigningKeys.AsNoTracking().Where(k => k.BodyId == owner.Body.Id).OrderBy(k => k.Id)
            .Select(k => $"{k.Kid}:{k.State}:{k.NotAfter}").ToListAsync();
        var prints = await db.QrPrints.CountAsync(p => p.CertificateId == certificate.Id);
        var outbox = await db.Outbox.CountAsync(m => m.CertificateId == certificate.Id);
        keys.ShouldContain(k => k.Contains(nameof(KeyState.Active)));
        return $"{certificate.EventCount}|{certificate.Version}|{certificate.Standing}|{certificate.Level}|{certificate.ScopeZh}|{outbox}|{prints}|{string.Join(",", keys)}";
    }
}
