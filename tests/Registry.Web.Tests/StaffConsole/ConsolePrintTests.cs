using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Audit;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Tests.StaffConsole;

/// <summary>Plaque and mark printing in the console: a zip of print-ready SVGs with new serials, audited; a refused order uses no serial.</summary>
public sealed class ConsolePrintTests(RegistryDatabase database)
{
    [Fact]
    public async Task Three_plaques_come_as_three_svgs_with_the_next_serials_and_the_order_is_audited_with_the_member()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 6, 1));
        await database.Site.Services.GetRequiredService<SigningKeyStore>().CreateAsync(body.Code, "console print test", CancellationToken.None);
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var path = $"/console/certificates/{certificate.NormalizedNumber}?handler=Print";

        using var printed = await ConsoleStaff.PostFormAsync(console, path, ("medium", "plaque"), ("count", "3"));
        printed.StatusCode.ShouldBe(HttpStatusCode.OK);
        printed.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        printed.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{certificate.NormalizedNumber}-plaques-000001-000003.zip");
        using var zip = new ZipArchive(await printed.Content.ReadAsStreamAsync());
        zip.Entries.Select(e => e.Name).ShouldBe([.. Enumerable.Range(1, 3).Select(s => $"{certificate.NormalizedNumber}-plaque-{s:D6}.svg")]);
        using (var reader = new StreamReader(zip.Entries[0].Open()))
        {
            var svg = await reader.ReadToEndAsync();
            svg.ShouldStartWith("<svg");
            svg.ShouldContain("width=\"300mm\"");
            svg.ShouldContain("data-serial=\"1\"");
        }

        using (var marks = await ConsoleStaff.PostFormAsync(console, path, ("medium", "mark"), ("count", "2")))
        {
            using var markZip = new ZipArchive(await marks.Content.ReadAsStreamAsync());
            markZip.Entries.Select(e => e.Name).ShouldBe([$"{certificate.NormalizedNumber}-mark-000001.svg", $"{certificate.NormalizedNumber}-mark-000002.svg"]);
        }

        await using var db = database.CreateContext();
        (await db.QrPrints.CountAsync(p => p.CertificateId == certificate.Id)).ShouldBe(5);
        (await ConsoleStaff.AuditAsync(database, body.Id)).ShouldBe([
            ("qr.issue", AuditOutcome.Applied, "测试员 " + body.Code), ("qr.issue", AuditOutcome.Applied, "测试员 " + body.Code)]);
    }

    [Fact]
    public async Task A_refused_order_uses_no_serial_and_says_why()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 6, 2));
        var member = await ConsoleStaff.CreateAsync(database, StaffRoles.Publisher, body: body);
        using var console = await ConsoleStaff.SignedInAsync(database, member);
        var path = $"/console/certificates/{certificate.NormalizedNumber}?handler=Print";

        using (var noKey = await ConsoleStaff.PostFormAsync(console, path, ("medium", "plaque"), ("count", "1")))
        {
            noKey.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await noKey.Content.ReadAsStringAsync()).ShouldContain("data-code=\"NO_ACTIVE_KEY\"");
        }

        foreach (var (medium, count) in new[] { ("plaque", "0"), ("plaque", "1001"), ("certificate", "1"), ("<script>", "1") })
        {
            using var refused = await ConsoleStaff.PostFormAsync(console, path, ("medium", medium), ("count", count));
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{medium} × {count}");
            (await refused.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"print-refusal\"");
        }

        await using var db = database.CreateContext();
        (await db.QrPrints.CountAsync(p => p.CertificateId == certificate.Id)).ShouldBe(0);
    }
}
