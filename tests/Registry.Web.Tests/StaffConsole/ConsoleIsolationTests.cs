using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>Every console route, asked by an administrator of body A about body B's things: B's are never shown and never changed.</summary>
public sealed class ConsoleIsolationTests(RegistryDatabase database)
{
    [Fact]
    public async Task No_console_route_shows_or_changes_another_bodys_certificates_uploads_keys_or_staff()
    {
        var registry = new TestRegistry(database);
        var (mine, bodyA) = await registry.IssueAsync(new DateOnly(2026, 7, 1));
        var (theirs, bodyB) = await registry.IssueAsync(new DateOnly(2026, 7, 1));
        var keys = database.Site.Services.GetRequiredService<SigningKeyStore>();
        await keys.CreateAsync(bodyA.Code, "isolation test", CancellationToken.None);
        var theirKey = await keys.CreateAsync(bodyB.Code, "isolation test", CancellationToken.None);
        var theirApiKey = await PublishingApiClient.CreateKeyAsync(database, bodyB.Code);
        var theirAdmin = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: bodyB);
        var admin = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: bodyA);
        using var theirConsole = await ConsoleStaff.SignedInAsync(database, theirAdmin);
        var csv = $"operation,number,effective_on,reason\nsuspend,{theirs.NormalizedNumber},{PublishingApiClient.Today},Theirs\n";
        using var theirUpload = await ConsoleStaff.PostFileAsync(theirConsole, "/console/uploads", "theirs.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        var theirUploadPath = theirUpload.Headers.Location!.OriginalString;
        long theirMemberId;
        await using (var db = database.CreateContext())
        {
            theirMemberId = (await db.Users.SingleAsync(u => u.Email == theirAdmin.Email)).Id;
        }

        using var console = await ConsoleStaff.SignedInAsync(database, admin);
        string[] secrets = [theirs.NormalizedNumber, theirKey.Kid, theirApiKey.Key.KeyId, theirAdmin.Email, theirUploadPath];
        foreach (var page in new[] { "/console", "/console/certificates", $"/console/certificates?q={theirs.NormalizedNumber}", "/console/certificates/new",
                     "/console/uploads", "/console/audit", $"/console/audit?number={theirs.NormalizedNumber}", "/console/keys", "/console/api-keys", "/console/staff" })
        {
            using var answer = await console.GetAsync(new Uri(page, UriKind.Relative));
            answer.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
            html.ShouldNotContain($"data-number=\"{theirs.NormalizedNumber}\"", customMessage: page);
            // A search echoes what was typed in its box; nothing else of B's may appear.
            foreach (var secret in secrets.Where(secret => !page.Contains(secret, StringComparison.Ordinal)))
            {
                html.ShouldNotContain(secret, customMessage: $"{page} shows body B's {secret}");
            }
        }

        (await console.GetAsync(new Uri($"/console/certificates/{theirs.NormalizedNumber}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await console.GetAsync(new Uri(theirUploadPath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var token = ConsoleStaff.AntiforgeryToken(await console.GetStringAsync(new Uri("/console", UriKind.Relative)));
        var certificate = $"/console/certificates/{theirs.NormalizedNumber}";
        (string Path, (string, string)[] Fields)[] posts =
        [
            ($"{certificate}?handler=Preview", [("change", "suspend"), ("reason", "x"), ("effectiveOn", PublishingApiClient.Today), ("expectedVersion", "1")]),
            ($"{certificate}?handler=Apply", [("change", "withdraw"), ("reason", "x"), ("effectiveOn", PublishingApiClient.Today), ("expectedVersion", "1")]),
            ($"{certificate}?handler=PreviewEdit", [("operation", "change-level"), ("expected_version", "1"), ("effective_on", PublishingApiClient.Today), ("level", "five-star"), ("total_score", "97")]),
            ($"{certificate}?handler=ApplyEdit", [("operation", "change-level"), ("expected_version", "1"), ("effective_on", PublishingApiClient.Today), ("level", "five-star"), ("total_score", "97")]),
            ($"{certificate}?handler=Print", [("medium", "plaque"), ("count", "1")]),
            ($"{theirUploadPath}?handler=Apply", []),
            ("/console/keys?handler=Revoke", [("kid", theirKey.Kid), ("reason", "x"), ("confirm", "true")]),
            ("/console/api-keys?handler=Revoke", [("keyId", theirApiKey.Key.KeyId), ("confirm", "yes")]),
            ("/console/staff?handler=Disable", [("memberId", theirMemberId.ToString(CultureInfo.InvariantCulture)), ("confirm", "yes")]),
        ];
        foreach (var (path, fields) in posts)
        {
            using var answer = await console.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(
                [.. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)), new("__RequestVerificationToken", token)]));
            answer.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        // The rehearsal of a bulk row about B's certificate is refused like the real run would be, and applies nothing either.
        using (var upload = await ConsoleStaff.PostFileAsync(console, "/console/uploads", "aimed-at-b.csv", Encoding.UTF8.GetBytes(csv), "text/csv"))
        {
            var preview = await console.GetStringAsync(new Uri(upload.Headers.Location!.OriginalString, UriKind.Relative));
            preview.ShouldContain("NOT_YOUR_CERTIFICATE");
            preview.ShouldNotContain("upload-apply");
        }

        await using var check = database.CreateContext();
        (await check.Certificates.SingleAsync(c => c.Id == theirs.Id)).EventCount.ShouldBe(1);
        (await check.QrPrints.CountAsync(p => p.CertificateId == theirs.Id)).ShouldBe(0);
        (await check.SigningKeys.SingleAsync(k => k.Kid == theirKey.Kid)).RevokedAt.ShouldBeNull();
        (await check.ApiKeys.SingleAsync(k => k.KeyId == theirApiKey.Key.KeyId)).RevokedAt.ShouldBeNull();
        (await check.Users.SingleAsync(u => u.Id == theirMemberId)).DisabledAt.ShouldBeNull();
        (await check.ConsoleUploads.SingleAsync(u => u.BodyId == bodyB.Id)).AppliedAt.ShouldBeNull();
        _ = mine;
    }
}
