using Registry.Web.Features.Audit;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>Issue, renewal and changes of scope and level in the console: rehearsed, confirmed with what the public will see, then published and audited.</summary>
public sealed class ConsoleEditTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Fact]
    public async Task A_level_change_is_rehearsed_confirmed_and_published_and_a_score_that_does_not_earn_it_is_refused_first()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 5, 1));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var path = $"/console/certificates/{certificate.NormalizedNumber}";
        var today = PublishingApiClient.Today;

        using (var refused = await ConsoleStaff.PostFormAsync(console, path + "?handler=PreviewEdit",
                   ("operation", "change-level"), ("expected_version", "1"), ("effective_on", today), ("level", "five-star"), ("total_score", "88")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("data-code=\"LEVEL_SCORE_MISMATCH\"");
        }

        (await ConsoleStaff.AuditAsync(database, body.Id)).ShouldBeEmpty("a refused preview is not a change");
        using (var preview = await ConsoleStaff.PostFormAsync(console, path + "?handler=PreviewEdit",
                   ("operation", "change-level"), ("expected_version", "1"), ("effective_on", today), ("level", "five-star"), ("total_score", "96.5"),
                   ("scope_zh", "not a field of a level change, never read")))
        {
            preview.StatusCode.ShouldBe(HttpStatusCode.OK);
            var html = WebUtility.HtmlDecode(await preview.Content.ReadAsStringAsync());
            html.ShouldContain("data-testid=\"console-edit-confirm\" data-operation=\"change-level\"");
            html.ShouldNotContain("never read");
        }

        await using (var db = database.CreateContext())
        {
            (await db.Certificates.SingleAsync(c => c.Id == certificate.Id)).Level.ShouldBe("four-star", "the preview applies nothing");
        }

        using (var applied = await ConsoleStaff.PostFormAsync(console, path + "?handler=ApplyEdit",
                   ("operation", "change-level"), ("expected_version", "1"), ("effective_on", today), ("level", "five-star"), ("total_score", "96.5")))
        {
            applied.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        await using (var db = database.CreateContext())
        {
            var now = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
            (now.Level, now.TotalScore).ShouldBe(("five-star", 96.5m));
        }

        (await ConsoleStaff.AuditAsync(database, body.Id)).ShouldBe([("change-level", AuditOutcome.Applied, "测试员 " + body.Code)]);

        // The same form again, at the version it was rendered at: the certificate moved on, so it is refused and shown.
        using var stale = await ConsoleStaff.PostFormAsync(console, path + "?handler=ApplyEdit",
            ("operation", "change-scope"), ("expected_version", "1"), ("effective_on", today), ("scope_zh", "家用电器的销售服务"));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("data-code=\"OUTDATED_VERSION\"");
    }

    [Fact]
    public async Task A_renewal_and_a_scope_change_publish_what_the_confirmation_showed()
    {
        var (certificate, body) = await _registry.IssueAsync(new DateOnly(2026, 5, 2));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Administrator, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var path = $"/console/certificates/{certificate.NormalizedNumber}";
        var today = PublishingApiClient.Today;

        using (var scope = await ConsoleStaff.PostFormAsync(console, path + "?handler=ApplyEdit",
                   ("operation", "change-scope"), ("expected_version", "1"), ("effective_on", today), ("scope_zh", "家用电器的销售和安装服务"), ("scope_en", "Sales and installation of household appliances")))
        {
            scope.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        using (var preview = await ConsoleStaff.PostFormAsync(console, path + "?handler=PreviewEdit",
                   ("operation", "renew"), ("expected_version", "2"), ("effective_on", today)))
        {
            preview.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await preview.Content.ReadAsStringAsync()).ShouldContain("data-operation=\"renew\"");
        }

        using (var renewed = await ConsoleStaff.PostFormAsync(console, path + "?handler=ApplyEdit", ("operation", "renew"), ("expected_version", "2"), ("effective_on", today)))
        {
            renewed.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
        }

        await using var db = database.CreateContext();
        var now = await db.Certificates.SingleAsync(c => c.Id == certificate.Id);
        now.ScopeZh.ShouldBe("家用电器的销售和安装服务");
        now.ExpiresOn.ShouldBeGreaterThan(certificate.ExpiresOn, "a renewal starts a new three-year cycle");
        (await ConsoleStaff.AuditAsync(database, body.Id)).Select(e => e.Operation).ShouldBe(["change-scope", "renew"]);
    }

    [Fact]
    public async Task A_certificate_is_issued_from_the_console_after_a_rehearsal_and_a_duplicate_number_is_refused()
    {
        var body = await _registry.AddBodyAsync();
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var number = $"CON-2026-{TestRegistry.UniqueSuffix()}";
        var normalized = Registry.Domain.Identifiers.CertificateNumber.Parse(number).Normalized;
        var organisation = await _registry.AddOrganisationAsync();
        (string, string)[] fields =
        [
            ("number", number), ("level", "four-star"), ("total_score", "91"), ("scope_zh", "电梯的安装和维修服务"), ("issued_on", PublishingApiClient.Today),
            ("organisation_credit_code", organisation.CreditCode),
        ];

        using (var preview = await ConsoleStaff.PostFormAsync(console, "/console/certificates/new?handler=Preview", fields))
        {
            preview.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await preview.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"console-issue-confirm\"");
        }

        await using (var db = database.CreateContext())
        {
            (await db.Certificates.AnyAsync(c => c.NormalizedNumber == normalized)).ShouldBeFalse("the preview issues nothing");
        }

        using (var issued = await ConsoleStaff.PostFormAsync(console, "/console/certificates/new?handler=Apply", fields))
        {
            issued.StatusCode.ShouldBe(HttpStatusCode.SeeOther);
            issued.Headers.Location!.OriginalString.ShouldBe($"/console/certificates/{normalized}?done=issue");
        }

        using var again = await ConsoleStaff.PostFormAsync(console, "/console/certificates/new?handler=Preview", fields);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldContain("data-code=\"DUPLICATE_CERTIFICATE_NUMBER\"");
        var viewer = await ConsoleStaff.CreateAsync(database, StaffRoles.Viewer, body: body);
        using var reader = await ConsoleStaff.SignedInAsync(database, viewer);
        (await reader.GetAsync(new Uri("/console/certificates/new", UriKind.Relative))).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}
