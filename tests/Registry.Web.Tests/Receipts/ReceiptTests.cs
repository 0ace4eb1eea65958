using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Registry.Domain.Certificates;
using Registry.Domain.Time;
using Registry.Signing.Payloads;
using Registry.Signing.Receipts;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input.Tables;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.Receipts;

/// <summary>Receipts made through the site's forms on the shared test database, checked at their page and offline.</summary>
public sealed partial class ReceiptTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_certificate_receipt_is_signed_stored_and_verifies_offline_with_the_jwks_alone()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 2, 1));
        using var pages = database.Site.CreatePageClient();
        var before = DateTimeOffset.UtcNow;

        var id = await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number.ToLowerInvariant()));

        id.ShouldMatch("^[a-z2-7]{26}$");
        var page = await pages.GetStringAsync(new Uri($"/receipts/{id}?lang=en", UriKind.Relative));
        page.ShouldContain("data-genuine=\"true\"");
        page.ShouldContain("data-kind=\"certificate\"");
        page.ShouldContain("data-status=\"VALID\"");
        page.ShouldContain(certificate.Number);
        page.ShouldContain("<svg", customMessage: "the receipt's address as a QR code");

        var genuine = (await TestSupport.Receipts.VerifyDownloadAsync(pages, id)).ShouldBeOfType<GenuineReceipt>();
        genuine.Claims.Id.ShouldBe(id);
        genuine.Claims.Kind.ShouldBe(ReceiptKinds.Certificate);
        genuine.Claims.AsOf.ShouldBeInRange(before.AddSeconds(-1), DateTimeOffset.UtcNow);
        genuine.Claims.Origin.ShouldBe("https://" + VerificationOptions.LocalDefault);
        var row = genuine.Claims.Rows.ShouldHaveSingleItem();
        row.Asked.ShouldBe(certificate.Number.ToLowerInvariant());
        row.TakenAs.ShouldBe("certificate_number");
        var answer = row.Certificates.ShouldHaveSingleItem();
        (answer.Number, answer.Status, answer.Body, answer.ExpiresOn).ShouldBe((certificate.Number, "VALID", body.Code, certificate.ExpiresOn));
        genuine.Key.Purpose.ShouldBe(Registry.Signing.Keys.KeyPurpose.Receipts);

        await using var db = database.CreateContext();
        var stored = await db.Receipts.SingleAsync(r => r.Id == id);
        (stored.Kind, stored.RowCount, stored.Kid).ShouldBe((ReceiptKinds.Certificate, 1, genuine.Key.Id.ToString()));
    }

    [Fact]
    public async Task The_page_shows_the_status_now_beside_the_status_the_receipt_signed()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 2, 2));
        using var pages = database.Site.CreatePageClient();
        var id = await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number));

        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.NormalizedNumber,
                StatusChange.Suspend(RegistryCalendar.DateOf(DateTimeOffset.UtcNow), "Surveillance audit missed", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        var page = await pages.GetStringAsync(new Uri($"/receipts/{id}", UriKind.Relative));
        StatusOf(page, "status-then").ShouldBe("VALID");
        StatusOf(page, "status-now").ShouldBe("SUSPENDED");
        page.ShouldContain("data-testid=\"changed-since\"");
        page.ShouldContain("data-genuine=\"true\"", customMessage: "a later change does not make the receipt less genuine");
    }

    [Fact]
    public async Task A_receipt_whose_stored_bytes_were_changed_is_not_genuine()
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2026, 2, 3));
        using var pages = database.Site.CreatePageClient();
        var id = await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number));

        await TestSupport.Receipts.TamperAsync(database, id, "\"status\":\"VALID\"", "\"status\":\"WITHDRAWN\"");

        using var response = await pages.GetAsync(new Uri($"/receipts/{id}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("data-genuine=\"false\"");
        page.ShouldContain("data-code=\"BAD_SIGNATURE\"");
        page.ShouldNotContain("data-testid=\"receipt-rows\"", customMessage: "an altered receipt's content is not shown as the registry's word");
        (await TestSupport.Receipts.VerifyDownloadAsync(pages, id)).ShouldBeOfType<NotGenuineReceipt>().Code.ShouldBe("BAD_SIGNATURE");
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_remove_a_receipt()
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2026, 2, 4));
        using var pages = database.Site.CreatePageClient();
        var id = await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number));
        await using var connection = await database.DataSource.OpenConnectionAsync();

        foreach (var sql in new[] { "UPDATE receipts SET kind = 'check' WHERE id = @id", "DELETE FROM receipts WHERE id = @id" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", id);
            var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            refused.MessageText.ShouldContain("append-only");
        }

        await using var truncate = new NpgsqlCommand("TRUNCATE receipts", connection);
        (await Should.ThrowAsync<PostgresException>(() => truncate.ExecuteNonQueryAsync())).MessageText.ShouldContain("append-only");
    }

    [Fact]
    public async Task A_check_receipt_answers_the_list_again_and_signs_every_row()
    {
        var companies = await CheckedCompanies.CreateAsync(database);
        using var pages = database.Site.CreatePageClient();
        var (table, _) = TableFile.FromCells([[companies.Valid.Name], [companies.Withdrawn.Number], ["91370200163562681H"], ["TST-2099-NEVER-ISSUED-9"]], CheckRows.MaxRows);

        var id = await TestSupport.Receipts.CreateAsync(pages, ("kind", "check"), (CheckPostedRows.Field, CheckPostedRows.Write(table!)));

        var claims = (await TestSupport.Receipts.VerifyDownloadAsync(pages, id)).ShouldBeOfType<GenuineReceipt>().Claims;
        claims.Kind.ShouldBe(ReceiptKinds.Check);
        claims.Rows.Select(r => r.TakenAs).ShouldBe(["name", "certificate_number", "unreadable", "certificate_number"]);
        claims.Rows[0].Certificates.Select(c => (c.Number, c.Status)).ShouldBe([(companies.Valid.Number, "VALID")]);
        claims.Rows[1].Certificates.Select(c => (c.Number, c.Status)).ShouldBe([(companies.Withdrawn.Number, "WITHDRAWN")]);
        claims.Rows[2].Reason.ShouldBe("CREDIT_CODE_CHECK_FAILED");
        claims.Rows[3].Concerns.ShouldBe(["NOT_FOUND"]);
        claims.Rows[3].Reason.ShouldBe("CERTIFICATE_NOT_FOUND");

        var page = await pages.GetStringAsync(new Uri($"/receipts/{id}", UriKind.Relative));
        Regex.Count(page, "data-testid=\"receipt-row\"").ShouldBe(4);
        page.ShouldContain("data-status=\"WITHDRAWN\"");
    }

    [Fact]
    public async Task A_verdict_receipt_records_the_scanned_code_and_the_verdict()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 2, 5));
        var keys = database.Site.Services.GetRequiredService<SigningKeyStore>();
        await keys.CreateAsync(body.Code, "receipt test", CancellationToken.None);
        string link;
        await using (var db = database.CreateContext())
        {
            var holder = await db.Organisations.SingleAsync(o => o.Id == certificate.OrganisationId);
            using var active = (await keys.ActiveForAsync(body.Id, CancellationToken.None))!;
            var claims = new Registry.Signing.Claims.QrClaims(Registry.Signing.Claims.QrClaims.CurrentVersion, certificate.NormalizedNumber, holder.CreditCode,
                certificate.Level, certificate.IssuedOn, certificate.ExpiresOn, Registry.Signing.Claims.Medium.Plaque, 7, RegistryCalendar.Today(TimeProvider.System));
            link = VerifyUrl.Build(VerificationOptions.LocalDefault, new PayloadSigner(active.PrivateKey).Sign(claims));
        }

        using var pages = database.Site.CreatePageClient();
        var genuineId = await TestSupport.Receipts.CreateAsync(pages, ("kind", "verification"), ("code", link));
        var forgedId = await TestSupport.Receipts.CreateAsync(pages, ("kind", "verification"), ("code", link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..]));

        var genuine = (await TestSupport.Receipts.VerifyDownloadAsync(pages, genuineId)).ShouldBeOfType<GenuineReceipt>().Claims.Rows.ShouldHaveSingleItem();
        (genuine.Asked, genuine.TakenAs).ShouldBe((link, "qr_code"));
        genuine.Verdict!.Outcome.ShouldBe("GENUINE_VALID", genuine.Verdict.NotGenuine);
        genuine.Verdict.SignedBy.ShouldBe(body.Code);
        genuine.Certificates.ShouldHaveSingleItem().Status.ShouldBe("VALID");
        var forged = (await TestSupport.Receipts.VerifyDownloadAsync(pages, forgedId)).ShouldBeOfType<GenuineReceipt>().Claims.Rows.ShouldHaveSingleItem();
        forged.Verdict!.Outcome.ShouldBe("NOT_GENUINE");
        forged.Verdict.NotGenuine.ShouldNotBeNull().ShouldBeOneOf("BAD_SIGNATURE", "BAD_ENCODING", "MALFORMED");
        forged.Certificates.ShouldBeEmpty();
        (await pages.GetStringAsync(new Uri($"/v/{link[(link.IndexOf("/V/", StringComparison.Ordinal) + 3)..]}", UriKind.Relative)))
            .ShouldContain("data-testid=\"receipt-form\"", customMessage: "the verdict page offers the receipt");
    }

    [Theory]
    [InlineData("", "UNKNOWN_RECEIPT_KIND", 400)]
    [InlineData("kind=opinion", "UNKNOWN_RECEIPT_KIND", 400)]
    [InlineData("kind=check&rows=not-json", "MALFORMED_FORM", 400)]
    [InlineData("kind=check&rows=%7B%22Format%22%3A0%2C%22Encoding%22%3A%22x%22%2C%22Rows%22%3A%5B%5D%7D", "EMPTY_LIST", 400)]
    [InlineData("kind=certificate", "MALFORMED_CERTIFICATE_NUMBER", 400)]
    [InlineData("kind=certificate&number=%E2%80%AEDEMO", "MALFORMED_CERTIFICATE_NUMBER", 400)]
    [InlineData("kind=verification", "MALFORMED_CODE", 400)]
    public async Task Bad_forms_get_a_clear_refusal_and_no_receipt(string form, string code, int status)
    {
        using var pages = database.Site.CreatePageClient();
        int before;
        await using (var db = database.CreateContext())
        {
            before = await db.Receipts.CountAsync();
        }

        using var response = await pages.PostAsync(new Uri("/receipts", UriKind.Relative), new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        ((int)response.StatusCode).ShouldBe(status, response.Headers.Location?.OriginalString);
        (await response.Content.ReadAsStringAsync()).ShouldContain($"data-code=\"{code}\"");
        await using (var db = database.CreateContext())
        {
            (await db.Receipts.CountAsync()).ShouldBeLessThanOrEqualTo(before + 50, "other tests may add receipts meanwhile, but this one added none");
        }
    }

    [Fact]
    public async Task Oversized_lists_codes_and_numbers_are_refused()
    {
        using var pages = database.Site.CreatePageClient();

        var (big, _) = TableFile.FromCells(Enumerable.Range(0, CheckRows.MaxRows + 1).Select(i => (IReadOnlyList<string>)[$"TST-{i:D6}-X"]), CheckRows.MaxRows + 2);
        var rows = CheckPostedRows.Write(big!).Replace("]]", "],[\"TST-ONE-TOO-MANY\"]]", StringComparison.Ordinal);
        using (var tooMany = await TestSupport.Receipts.PostAsync(pages, ("kind", "check"), (CheckPostedRows.Field, rows)))
        {
            ((int)tooMany.StatusCode).ShouldBe(413);
            (await tooMany.Content.ReadAsStringAsync()).ShouldContain("data-code=\"TOO_MANY_ROWS\"");
        }

        using (var longCode = await TestSupport.Receipts.PostAsync(pages, ("kind", "verification"), ("code", new string('A', PayloadLimits.MaxScannedTextLength + 1))))
        {
            longCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var longNumber = await TestSupport.Receipts.PostAsync(pages, ("kind", "certificate"), ("number", new string('1', 201))))
        {
            longNumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var huge = await pages.PostAsync(new Uri("/receipts", UriKind.Relative),
            new StringContent("kind=check&rows=" + new string('x', CheckPageModel.MaxRequestBytes + 10), Encoding.ASCII, "application/x-www-form-urlencoded"));
        ((int)huge.StatusCode).ShouldBe(413);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_the_finder_goes_to_the_receipt()
    {
        using var pages = database.Site.CreatePageClient();
        var unknown = ReceiptId.New();

        foreach (var path in new[] { $"/receipts/{unknown}", "/receipts/not-a-receipt", $"/receipts/{unknown}/receipt.jws", "/receipts/%3Cscript%3E" })
        {
            using var response = await pages.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("<script>");
        }

        using (var found = await pages.GetAsync(new Uri($"/receipts?id=+{unknown.ToUpperInvariant()}+", UriKind.Relative)))
        {
            found.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            found.Headers.Location!.OriginalString.ShouldBe($"/receipts/{unknown}");
        }

        using var malformed = await pages.GetAsync(new Uri("/receipts?id=12345", UriKind.Relative));
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync()).ShouldContain("data-code=\"MALFORMED_RECEIPT_ID\"");
    }

    [Fact]
    public async Task Receipts_and_watch_lists_count_against_the_checks_rate_limit()
    {
        await using var site = new RegistryWebFactory(database.ConnectionString, settings: new Dictionary<string, string> { ["RateLimits:Checks:PermitLimit"] = "2" });
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2026, 2, 7));
        using var pages = site.CreatePageClient();

        await TestSupport.Receipts.CreateAsync(pages, ("kind", "certificate"), ("number", certificate.Number));
        await TestSupport.WatchLists.CreateAsync(pages, [certificate.Number]);
        using var refused = await TestSupport.Receipts.PostAsync(pages, ("kind", "certificate"), ("number", certificate.Number));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
    }

    private static string StatusOf(string page, string testId) =>
        Regex.Match(page, $"data-testid=\"{testId}\" data-status=\"(?<status>[A-Z_]*)\"").Groups["status"].Value;
}
