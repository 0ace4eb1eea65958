using System.Xml.Linq;
using Microsoft.Extensions.Options;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Verification;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.QrCodes;

/// <summary>What `qr plaque` and `qr marks` do: one SVG per new serial, nothing (and no serial used) when refused.</summary>
public sealed class PrintRunTests(RegistryDatabase database) : IDisposable
{
    private readonly VerificationScenarios _scenarios = new(database, new InMemorySigningKeys());
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "registry-print-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Plaques_get_consecutive_serials_and_artwork_with_stars_names_number_and_code()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 6, 1));
        var log = new StringWriter();

        var first = await RunAsync(new PrintOrder(issued.Certificate.Number, Medium.Plaque, 3, _folder), log);
        var second = await RunAsync(new PrintOrder(issued.Certificate.NormalizedNumber.ToLowerInvariant(), Medium.Plaque, 1, _folder), log);

        first.ExitCode.ShouldBe(PrintRun.Done, log.ToString());
        first.Files.Select(Path.GetFileName).ShouldBe([.. Enumerable.Range(1, 3).Select(s => Artwork.FileName(issued.Certificate.NormalizedNumber, Medium.Plaque, s))]);
        second.Files.Select(Path.GetFileName).ShouldBe([Artwork.FileName(issued.Certificate.NormalizedNumber, Medium.Plaque, 4)]);
        first.QrVersion.ShouldBeLessThanOrEqualTo(10);
        first.QrModules.ShouldBe(17 + (4 * first.QrVersion));
        log.ToString().ShouldContain("error correction Q");

        var svg = XDocument.Load(first.Files[1]);
        var root = svg.Root!;
        root.Attribute("width")!.Value.ShouldBe("300mm");
        root.Attribute("data-serial")!.Value.ShouldBe("2");
        Texts(svg).ShouldContain(issued.Organisation.LegalNameZh);
        Texts(svg).ShouldContain(issued.Organisation.NameEn!);
        Texts(svg).ShouldContain(t => t.Contains(issued.Certificate.Number, StringComparison.Ordinal));
        Texts(svg).ShouldContain("四星级 · four-star");
        root.Descendants().Single(e => e.Attribute("class")?.Value == "stars").Attribute("data-count")!.Value.ShouldBe("4");
        var code = root.Elements().Last();
        code.Name.LocalName.ShouldBe("svg");
        code.Attribute("width")!.Value.ShouldBe("80");
        code.Attribute("viewBox")!.Value.ShouldBe($"0 0 {first.QrModules + 8} {first.QrModules + 8}");
    }

    [Fact]
    public async Task Packaging_marks_are_their_own_series()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 6, 2));

        await RunAsync(new PrintOrder(issued.Certificate.Number, Medium.Plaque, 2, _folder), TextWriter.Null);
        var marks = await RunAsync(new PrintOrder(issued.Certificate.Number, Medium.PackagingMark, 2, _folder), TextWriter.Null);

        marks.ExitCode.ShouldBe(PrintRun.Done);
        marks.Files.Select(Path.GetFileName).ShouldBe([.. Enumerable.Range(1, 2).Select(s => Artwork.FileName(issued.Certificate.NormalizedNumber, Medium.PackagingMark, s))]);
        XDocument.Load(marks.Files[0]).Root!.Attribute("data-medium")!.Value.ShouldBe("packaging-mark");
    }

    [Fact]
    public async Task A_refused_order_writes_nothing_and_uses_no_serial()
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 6, 3));
        await _scenarios.ChangeAsync(issued, StatusChange.Suspend(new DateOnly(2025, 7, 1), "Audit overdue", "x"));
        var log = new StringWriter();

        var refused = await RunAsync(new PrintOrder(issued.Certificate.Number, Medium.Plaque, 5, _folder), log);

        refused.ExitCode.ShouldBe(PrintRun.Refused);
        refused.Files.ShouldBeEmpty();
        log.ToString().ShouldContain("CERTIFICATE_NOT_VALID");
        (await _scenarios.Keys.AllocateAsync(issued.Certificate.Id, Medium.Plaque, 1, CancellationToken.None)).ShouldBe([1]);
        Directory.Exists(_folder).ShouldBeFalse();
    }

    [Theory]
    [InlineData("NOSUCH-0000-000000", 1)]
    [InlineData("①②", 1)]
    [InlineData("TST-2025-0000001", 0)]
    [InlineData("TST-2025-0000001", PrintOrder.MaxCount + 1)]
    public async Task Bad_orders_are_refused_with_a_message(string number, int count)
    {
        var log = new StringWriter();

        var result = await RunAsync(new PrintOrder(number, Medium.Plaque, count, _folder), log);

        result.ExitCode.ShouldBe(PrintRun.BadOrder);
        log.ToString().ShouldNotBeNullOrWhiteSpace();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static List<string> Texts(XDocument svg) => [.. svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value)];

    private async Task<PrintResult> RunAsync(PrintOrder order, TextWriter log)
    {
        await using var db = database.CreateContext();
        var signer = new PrintSigner(_scenarios.Keys, TimeProvider.System, Options.Create(new VerificationOptions()));
        return await new PrintRun(new CertificateQueries(db), signer, _scenarios.Keys).RunAsync(order, log, TestContext.Current.CancellationToken);
    }
}
