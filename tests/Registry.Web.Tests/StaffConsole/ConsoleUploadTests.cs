using MiniExcelLibs;
using Registry.Domain.Certificates;
using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Domain.Time;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Audit;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>Bulk uploads in the console: a rehearsed preview of every row that changes nothing, then one confirmation that applies the rows that passed.</summary>
public sealed class ConsoleUploadTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_preview_refuses_the_bad_row_changes_nothing_and_the_confirmation_applies_the_rest_once()
    {
        var (first, body) = await _registry.IssueAsync(new DateOnly(2026, 4, 1));
        var second = await IssueForAsync(body);
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var today = PublishingApiClient.Today;
        var csv = $"""
            operation,number,effective_on,reason
            suspend,{first.NormalizedNumber.ToLowerInvariant()},{today},Surveillance audit overdue
            withdraw,{second.NormalizedNumber},2020-13-45,Bad date
            reinstate,{first.NormalizedNumber},{today},"Corrective actions verified, on site"
            withdraw,{second.NormalizedNumber},{today},Fraudulent audit evidence
            """;

        using var uploaded = await ConsoleStaff.PostFileAsync(console, "/console/uploads", "changes.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var uploadPath = uploaded.Headers.Location!.OriginalString;
        var preview = await console.GetStringAsync(new Uri(uploadPath, UriKind.Relative));
        preview.ShouldContain("data-would-apply=\"3\" data-refused=\"1\"");
        Outcomes(preview).ShouldBe(["would-apply", "refused-in-preview", "would-apply", "would-apply"],
            "the reinstatement rehearses on the suspension before it");
        preview.ShouldContain("INVALID_INPUT");
        await using (var db = database.CreateContext())
        {
            (await db.StatusEvents.CountAsync(e => e.CertificateId == first.Id || e.CertificateId == second.Id)).ShouldBe(2, "a preview applies nothing");
            (await db.Outbox.CountAsync(m => m.CertificateId == first.Id || m.CertificateId == second.Id)).ShouldBe(2, "and announces nothing");
        }

        (await ConsoleStaff.AuditAsync(database, body.Id)).ShouldBeEmpty("a rehearsal is not audited: it is not a change");

        using (var applied = await ConsoleStaff.PostFormAsync(console, uploadPath + "?handler=Apply"))
        {
            applied.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        var results = await console.GetStringAsync(new Uri(uploadPath, UriKind.Relative));
        results.ShouldContain("data-testid=\"upload-counts\" data-applied=\"3\" data-refused=\"0\" data-failed=\"0\"");
        Outcomes(results).ShouldBe(["applied", "refused-in-preview", "applied", "applied"]);
        await using (var db = database.CreateContext())
        {
            (await db.Certificates.SingleAsync(c => c.Id == first.Id)).EventCount.ShouldBe(3);
            (await db.Certificates.SingleAsync(c => c.Id == second.Id)).Standing.ShouldBe(Registry.Domain.Lifecycle.CertificateStanding.Withdrawn);
        }

        (await ConsoleStaff.AuditAsync(database, body.Id)).ShouldBe([
            ("suspend", AuditOutcome.Applied, "测试员 " + body.Code), ("reinstate", AuditOutcome.Applied, "测试员 " + body.Code),
            ("withdraw", AuditOutcome.Applied, "测试员 " + body.Code)], ignoreOrder: true);

        var token = ConsoleStaff.AntiforgeryToken(await console.GetStringAsync(new Uri("/console", UriKind.Relative)));
        using var again = await console.PostAsync(new Uri(uploadPath + "?handler=Apply", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("upload-already-applied");
        (await ConsoleStaff.AuditAsync(database, body.Id)).Count.ShouldBe(3, "a second confirmation applies nothing");
    }

    [Fact]
    public async Task A_certificate_changed_between_preview_and_confirmation_is_refused_as_outdated_not_changed_unseen()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 4, 2));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var csv = $"operation,number,effective_on,reason\nsuspend,{certificate.NormalizedNumber},{PublishingApiClient.Today},Complaint\n";
        using var uploaded = await ConsoleStaff.PostFileAsync(console, "/console/uploads", "one.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        var uploadPath = uploaded.Headers.Location!.OriginalString;

        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.NormalizedNumber,
                StatusChange.Suspend(RegistryCalendar.Today(TimeProvider.System), "Suspended through the API meanwhile", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        using (await ConsoleStaff.PostFormAsync(console, uploadPath + "?handler=Apply"))
        {
        }

        var results = await console.GetStringAsync(new Uri(uploadPath, UriKind.Relative));
        Outcomes(results).ShouldBe(["refused"]);
        results.ShouldContain("OUTDATED_VERSION");
        await using var check = database.CreateContext();
        (await check.Certificates.SingleAsync(c => c.Id == certificate.Id)).EventCount.ShouldBe(2, "only the API's change");
    }

    [Fact]
    public async Task An_xlsx_workbook_uploads_like_a_csv_in_the_console_and_through_the_bulk_api()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 4, 3));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[]
        {
            new Dictionary<string, object> { ["operation"] = "change-level", ["number"] = certificate.NormalizedNumber, ["effective_on"] = PublishingApiClient.Today, ["level"] = "five-star", ["total_score"] = 96.5 },
            new Dictionary<string, object> { ["operation"] = "change-level", ["number"] = certificate.NormalizedNumber, ["effective_on"] = PublishingApiClient.Today, ["level"] = "five-star", ["total_score"] = 81 },
        }, excelType: ExcelType.XLSX);

        using var uploaded = await ConsoleStaff.PostFileAsync(console, "/console/uploads", "levels.xlsx", workbook.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        var preview = await console.GetStringAsync(new Uri(uploaded.Headers.Location!.OriginalString, UriKind.Relative));
        Outcomes(preview).ShouldBe(["would-apply", "refused-in-preview"]);
        preview.ShouldContain("LEVEL_SCORE_MISMATCH");

        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var issued = await api.IssueAsync();
        using var apiWorkbook = new MemoryStream();
        apiWorkbook.SaveAs(new[] { new Dictionary<string, object> { ["operation"] = "suspend", ["number"] = issued.NormalizedNumber, ["effective_on"] = PublishingApiClient.Today, ["reason"] = "Audit overdue" } },
            excelType: ExcelType.XLSX);
        using var content = new ByteArrayContent(apiWorkbook.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var bulk = await api.Http.PostAsync(new Uri("/api/publishing/bulk", UriKind.Relative), content);
        var answer = await PublishingApiClient.OkAsync<Registry.Web.Features.Publishing.Bulk.BulkResponse>(bulk);
        (answer.Applied, answer.Refused).ShouldBe((1, 0));
    }

    [Fact]
    public async Task Broken_files_are_refused_whole_another_bodys_upload_is_not_found_and_a_viewer_cannot_upload()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 4, 4));
        var publisher = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, publisher);
        foreach (var (name, bytes) in new[]
                 {
                     ("quotes.csv", Encoding.UTF8.GetBytes("operation,number\nsuspend,\"unterminated\n")),
                     ("columns.csv", Encoding.UTF8.GetBytes("operation,number,colour\nsuspend,X,red\n")),
                     ("latin1.csv", new byte[] { 0x6F, 0x70, 0x2C, 0xE9, 0xFF, 0x0A }),
                     ("fake.xlsx", "PK\u0003\u0004not a zip at all"u8.ToArray()),
                 })
        {
            using var refused = await ConsoleStaff.PostFileAsync(console, "/console/uploads", name, bytes, "text/csv");
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"upload-problem\"", customMessage: name);
        }

        await using (var db = database.CreateContext())
        {
            (await db.ConsoleUploads.CountAsync(u => u.BodyId == body.Id)).ShouldBe(0, "nothing is kept of a file that cannot be read");
        }

        var csv = $"operation,number,effective_on,reason\nsuspend,{certificate.NormalizedNumber},{PublishingApiClient.Today},Complaint\n";
        using var uploaded = await ConsoleStaff.PostFileAsync(console, "/console/uploads", "one.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        var uploadPath = uploaded.Headers.Location!.OriginalString;

        var stranger = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher);
        using var elsewhere = await ConsoleStaff.SignedInAsync(database, stranger);
        (await elsewhere.GetAsync(new Uri(uploadPath, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = ConsoleStaff.AntiforgeryToken(await elsewhere.GetStringAsync(new Uri("/console/uploads", UriKind.Relative)));
        using (var forged = await elsewhere.PostAsync(new Uri(uploadPath + "?handler=Apply", UriKind.Relative),
                   new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var viewer = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer, body: body);
        using var reader = await ConsoleStaff.SignedInAsync(database, viewer);
        (await reader.GetStringAsync(new Uri(uploadPath, UriKind.Relative))).ShouldNotContain("upload-apply");
        using (var refused = await ConsoleStaff.PostFileAsync(reader, "/console/uploads", "one.csv", Encoding.UTF8.GetBytes(csv), "text/csv"))
        {
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        }

        var viewerToken = ConsoleStaff.AntiforgeryToken(await reader.GetStringAsync(new Uri("/console", UriKind.Relative)));
        using (var refused = await reader.PostAsync(new Uri(uploadPath + "?handler=Apply", UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", viewerToken)])))
        {
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        }

        await using var check = database.CreateContext();
        (await check.Certificates.SingleAsync(c => c.Id == certificate.Id)).EventCount.ShouldBe(1);
    }

    private async Task<Registry.Domain.Certificates.Certificate> IssueForAsync(Registry.Domain.Certificates.CertificationBody body)
    {
        var organisation = await _registry.AddOrganisationAsync();
        await using var db = database.CreateContext();
        return await new CertificatePublisher(db, TimeProvider.System).IssueAsync(
            new IssueCertificate(CertificateNumber.Parse($"TST-2026-{TestRegistry.UniqueSuffix()}"), Schemes.Default, body.Id, organisation.Id, "four-star",
                new Scores(92.5m, null, null, null), "家用电器的维修服务", null, new DateOnly(2026, 4, 1), null, "test"),
            TestRegistry.Actor(body), CancellationToken.None);
    }

    private static List<string> Outcomes(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"upload-row-result\" data-row=\"\\d+\" data-outcome=\"([a-z-]+)\"").Select(m => m.Groups[1].Value)];
}
