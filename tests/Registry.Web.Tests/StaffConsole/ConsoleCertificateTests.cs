using Registry.Domain.Certificates;
using Registry.Domain.Time;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>Status changes through the console over HTTP: two steps, the body's own certificates only, the version guarded, the staff member audited.</summary>
public sealed class ConsoleCertificateTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_suspension_is_previewed_then_published_audited_with_the_member_and_shown_publicly_at_once()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 3, 2));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var path = $"/console/certificates/{certificate.NormalizedNumber}";
        var today = PublishingApiClient.Today;

        using (var preview = await ConsoleStaff.PostFormAsync(console, path + "?handler=Preview",
                   ("change", "suspend"), ("reason", "Surveillance audit overdue"), ("effectiveOn", today), ("expectedVersion", "1")))
        {
            preview.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await preview.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"console-confirm\" data-change=\"suspend\"");
        }

        await using (var db = database.CreateContext())
        {
            (await db.StatusEvents.CountAsync(e => e.CertificateId == certificate.Id)).ShouldBe(1, "the preview changes nothing");
        }

        using (var applied = await ConsoleStaff.PostFormAsync(console, path + "?handler=Apply",
                   ("change", "suspend"), ("reason", "Surveillance audit overdue"), ("effectiveOn", today), ("expectedVersion", "1")))
        {
            applied.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using var publicSite = database.Site.CreatePageClient();
        (await publicSite.GetStringAsync(new Uri($"/certificates/{certificate.NormalizedNumber}", UriKind.Relative))).ShouldContain("data-status=\"Suspended\"");
        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.BodyId == body.Id && e.Operation == "suspend");
            (entry.StaffMemberId, entry.StaffName, entry.ApiKeyId, entry.Outcome).ShouldBe(
                ((await db.Users.SingleAsync(u => u.Email == member.Email)).Id, "测试员 " + body.Code, "console", Registry.Web.Features.Audit.AuditOutcome.Applied));
            var published = await db.StatusEvents.Where(e => e.CertificateId == certificate.Id).OrderBy(e => e.Sequence).LastAsync();
            published.Actor.ShouldBe($"{body.Code} console", "the public history names the body and the channel, not the person");
        }
    }

    [Fact]
    public async Task The_audit_log_page_and_its_csv_name_the_member_and_show_only_the_bodys_entries()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 3, 7));
        var api = await PublishingApiClient.ForNewBodyAsync(database);
        var elsewhere = await api.IssueAsync();
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer, body: body);
        var publisher = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using (var changer = await ConsoleStaff.SignedInAsync(database, publisher))
        using (var applied = await ConsoleStaff.PostFormAsync(changer, $"/console/certificates/{certificate.NormalizedNumber}?handler=Apply",
                   ("change", "withdraw"), ("reason", "=HYPERLINK(\"http://x\")"), ("effectiveOn", PublishingApiClient.Today), ("expectedVersion", "1")))
        {
            applied.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var page = WebUtility.HtmlDecode(await console.GetStringAsync(new Uri("/console/audit", UriKind.Relative)));
        page.ShouldContain("data-operation=\"withdraw\"");
        page.ShouldContain("测试员 " + body.Code);
        page.ShouldNotContain(elsewhere.NormalizedNumber, customMessage: "another body's entries are not listed");

        using var csv = await console.GetAsync(new Uri($"/console/audit?handler=Csv&number={certificate.NormalizedNumber}", UriKind.Relative));
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]).ShouldBeTrue();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("withdraw");
        lines[1].ShouldContain("测试员 " + body.Code);

        (await console.GetAsync(new Uri("/console/audit?number=%3Cb%3E", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await console.GetAsync(new Uri("/console/audit?from=2026-03-10&to=2026-03-01", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_change_made_meanwhile_is_shown_and_not_overwritten()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 3, 3));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var page = await console.GetStringAsync(new Uri($"/console/certificates/{certificate.NormalizedNumber}", UriKind.Relative));
        page.ShouldContain("data-version=\"1\"");

        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.NormalizedNumber,
                StatusChange.Withdraw(RegistryCalendar.Today(TimeProvider.System), "Withdrawn by the API meanwhile", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        // The form of the page as it was rendered, posted now.
        using var stale = await console.PostAsync(new Uri($"/console/certificates/{certificate.NormalizedNumber}?handler=Apply", UriKind.Relative), new FormUrlEncodedContent(
            [new("change", "suspend"), new("reason", "Late"), new("effectiveOn", PublishingApiClient.Today), new("expectedVersion", "1"),
             new("__RequestVerificationToken", ConsoleStaff.AntiforgeryToken(page))]));

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var shown = await stale.Content.ReadAsStringAsync();
        shown.ShouldContain("data-code=\"OUTDATED_VERSION\"");
        shown.ShouldContain("data-status=\"Withdrawn\"", customMessage: "the state now is shown");
        await using var check = database.CreateContext();
        (await check.StatusEvents.CountAsync(e => e.CertificateId == certificate.Id)).ShouldBe(2, "nothing of the stale form was applied");
    }

    [Fact]
    public async Task A_member_of_one_body_cannot_see_or_change_another_bodys_certificates()
    {
        var (mine, body) = await _registry.IssueAsync(new DateOnly(2026, 3, 4));
        var (theirs, _) = await _registry.IssueAsync(new DateOnly(2026, 3, 4));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);

        var list = await console.GetStringAsync(new Uri("/console/certificates", UriKind.Relative));
        list.ShouldContain($"data-number=\"{mine.NormalizedNumber}\"");
        list.ShouldNotContain(theirs.NormalizedNumber);
        (await console.GetStringAsync(new Uri($"/console/certificates?q={theirs.NormalizedNumber}", UriKind.Relative))).ShouldNotContain($"data-number=\"{theirs.NormalizedNumber}\"");
        (await console.GetAsync(new Uri($"/console/certificates/{theirs.NormalizedNumber}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A post made with a valid token of the member's own page, aimed at the other body's certificate.
        var token = ConsoleStaff.AntiforgeryToken(await console.GetStringAsync(new Uri($"/console/certificates/{mine.NormalizedNumber}", UriKind.Relative)));
        using var forged = await console.PostAsync(new Uri($"/console/certificates/{theirs.NormalizedNumber}?handler=Apply", UriKind.Relative), new FormUrlEncodedContent(
            [new("change", "suspend"), new("reason", "x"), new("effectiveOn", PublishingApiClient.Today), new("expectedVersion", "1"), new("__RequestVerificationToken", token)]));
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = database.CreateContext();
        (await db.StatusEvents.CountAsync(e => e.CertificateId == theirs.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_change_anything()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 3, 5));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var path = $"/console/certificates/{certificate.NormalizedNumber}";

        var page = await console.GetStringAsync(new Uri(path, UriKind.Relative));
        page.ShouldContain("data-testid=\"viewer-note\"");
        page.ShouldNotContain("console-change-suspend");
        var token = ConsoleStaff.AntiforgeryToken(await console.GetStringAsync(new Uri("/console", UriKind.Relative)));
        foreach (var handler in new[] { "Preview", "Apply" })
        {
            using var refused = await console.PostAsync(new Uri($"{path}?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(
                [new("change", "suspend"), new("reason", "x"), new("effectiveOn", PublishingApiClient.Today), new("expectedVersion", "1"), new("__RequestVerificationToken", token)]));
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        }

        await using var db = database.CreateContext();
        (await db.StatusEvents.CountAsync(e => e.CertificateId == certificate.Id)).ShouldBe(1);
    }
}
