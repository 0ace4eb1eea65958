using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Verification;
using Registry.Web.Tests.Verification;

namespace Registry.Web.Tests.QrCodes;

/// <summary>
/// The printed artwork as an engraver's or printer's machine would rasterize it (Chromium draws the SVG),
/// read back by zbarimg: the code on a plaque and on a mark scans, and verifies with its own serial.
/// </summary>
public sealed class ArtworkScanTests(RegistryDatabase database) : IAsyncLifetime
{
    private readonly VerificationScenarios _scenarios = new(database, new InMemorySigningKeys());
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "registry-artwork-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(Medium.Plaque)]
    [InlineData(Medium.PackagingMark)]
    public async Task The_artwork_scans_and_verifies_as_genuine_with_its_serial(Medium medium)
    {
        var issued = await _scenarios.IssueAsync(new DateOnly(2025, 6, 10));
        var printed = await PrintAsync(issued, medium, 2);

        var svg = await File.ReadAllTextAsync(printed.Files[1], TestContext.Current.CancellationToken);
        var png = await RasterizeAsync(svg, medium == Medium.Plaque ? "plaque" : "mark");
        var decoded = await Zbar.DecodeAsync(png);

        await using var db = database.CreateContext();
        var verdict = await _scenarios.Verifier(db, TimeProvider.System).VerifyAsync(decoded, TestContext.Current.CancellationToken);
        verdict.Kind.ShouldBe(VerdictKind.GenuineValid);
        verdict.Claims!.Medium.ShouldBe(medium);
        verdict.Claims.Serial.ShouldBe(2u);
        verdict.Claims.CertificateNumber.ShouldBe(issued.Certificate.NormalizedNumber);
    }

    private async Task<PrintResult> PrintAsync(IssuedCertificate issued, Medium medium, int count)
    {
        await using var db = database.CreateContext();
        var signer = new PrintSigner(_scenarios.Keys, TimeProvider.System, Options.Create(new VerificationOptions()));
        var result = await new PrintRun(new CertificateQueries(db), signer, _scenarios.Keys)
            .RunAsync(new PrintOrder(issued.Certificate.Number, medium, count, _folder), TextWriter.Null, TestContext.Current.CancellationToken);
        result.ExitCode.ShouldBe(PrintRun.Done);
        return result;
    }

    private async Task<byte[]> RasterizeAsync(string svg, string name)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 1200, Height = 800 }, DeviceScaleFactor = 2 });
        await page.SetContentAsync($"<!DOCTYPE html><html><body style=\"margin:0;background:#fff\">{svg}</body></html>");
        var png = await page.Locator("svg").First.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("artwork-" + name) });
        await page.CloseAsync();
        return png;
    }
}
