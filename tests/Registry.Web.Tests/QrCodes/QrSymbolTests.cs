using System.Security.Cryptography;
using QRCoder;
using Registry.Signing.Claims;
using Registry.Signing.Payloads;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Verification;

namespace Registry.Web.Tests.QrCodes;

/// <summary>Error correction Q, alphanumeric mode, a four-module quiet zone, and the version each medium reaches.</summary>
public sealed class QrSymbolTests
{
    /// <summary>README's test vector: 116-byte envelope, 212-character URL.</summary>
    private static string VectorSizedLink(string host = "STAR.EXAMPLE.CN") => VerifyUrl.Build(host, new byte[116]);

    [Fact]
    public void An_upper_case_link_is_encoded_in_alphanumeric_mode_and_fits_version_10_at_q()
    {
        var link = VectorSizedLink();

        using var symbol = QrSymbol.Encode(link);

        link.Length.ShouldBe(212);
        symbol.Version.ShouldBe(10);
        symbol.ModulesPerSide.ShouldBe(57);
        symbol.ModulesWithQuietZone.ShouldBe(65);
        // The same text in byte mode (what a lower-case URL forces) needs three versions more: proof that the
        // upper-case text really went out in alphanumeric mode.
        using var generator = new QRCodeGenerator();
        using var byteMode = generator.CreateQrCode(link.ToLowerInvariant(), QRCodeGenerator.ECCLevel.Q);
        byteMode.Version.ShouldBe(13);
    }

    [Fact]
    public void Text_outside_the_alphanumeric_set_is_refused_rather_than_silently_grown()
    {
        Should.Throw<ArgumentException>(() => QrSymbol.Encode(VectorSizedLink().ToLowerInvariant()));
        Should.Throw<ArgumentException>(() => QrSymbol.Encode("HTTPS://HOST/V/ABC?X"));
    }

    [Fact]
    public async Task The_png_has_a_light_quiet_zone_of_four_modules_and_zbar_reads_it()
    {
        var link = VectorSizedLink();
        using var symbol = QrSymbol.Encode(link);
        const int pixels = 6;

        var bytes = symbol.ToPng(pixels);
        var png = GreyPng.Read(bytes);

        png.Width.ShouldBe(65 * pixels);
        png.Height.ShouldBe(65 * pixels);
        var quiet = QrSymbol.QuietZoneModules * pixels;
        for (var i = 0; i < png.Width; i++)
        {
            for (var band = 0; band < quiet; band++)
            {
                png.IsDark(i, band).ShouldBeFalse();
                png.IsDark(i, png.Height - 1 - band).ShouldBeFalse();
                png.IsDark(band, i).ShouldBeFalse();
                png.IsDark(png.Width - 1 - band, i).ShouldBeFalse();
            }
        }

        png.IsDark(quiet, quiet).ShouldBeTrue("the finder pattern starts right after the quiet zone");
        (await Zbar.DecodeAsync(bytes)).ShouldBe(link);
    }

    [Fact]
    public void The_svg_counts_modules_quiet_zone_included_and_nests_in_artwork()
    {
        using var symbol = QrSymbol.Encode(VectorSizedLink());

        var svg = symbol.ToSvg();
        var nested = symbol.ToSvgElement(10, 20, 80);

        svg.ShouldStartWith("<svg ");
        svg.ShouldContain("viewBox=\"0 0 65 65\"");
        svg.ShouldContain("M4 4h7v1h-7z", Case.Sensitive, "the first dark run is the finder pattern, 4 modules in");
        nested.ShouldStartWith("<svg x=\"10\" y=\"20\" width=\"80\" height=\"80\" ");
        nested.ShouldContain("viewBox=\"0 0 65 65\"");
    }

    /// <summary>
    /// The version per medium for the demo bodies' longest numbers and for the worst case the format allows;
    /// the table goes to the test output (and qr-sizes.txt beside the test binary).
    /// </summary>
    [Fact]
    public void Demo_numbers_fit_version_10_on_every_medium_and_the_worst_case_version_11()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signer = new PayloadSigner(key);
        var issued = new DateOnly(2024, 3, 1);
        var rows = new List<string> { "host | number | medium, serial | signed after | URL chars | version | modules" };
        foreach (var host in new[] { VerificationOptions.LocalDefault, "STAR.EXAMPLE.CN" })
        {
            foreach (var number in new[] { "DEMO01ASS2024000123", "CNDEMO04SV202400123", "DEMO082024ASSC00123", "TST2025000123" })
            {
                foreach (var (medium, serial) in new[] { (Medium.Certificate, 0u), (Medium.Plaque, 1u), (Medium.Plaque, 65_535u), (Medium.PackagingMark, 65_535u) })
                {
                    var version = Measure(rows, host, signer, new QrClaims(1, number, "91310115MA1K4DEM18", "five-star", issued,
                        FormatExpiry.Default(issued), medium, serial, issued.AddDays(200)));
                    version.ShouldBeLessThanOrEqualTo(10, $"{number} on {medium} {serial} with host {host}");
                }
            }

            foreach (var medium in new[] { Medium.Certificate, Medium.Plaque, Medium.PackagingMark })
            {
                var worst = new QrClaims(1, new string('Z', 40), "91310115MA1K4DEM18", "five-star", issued, issued.AddYears(5),
                    medium, medium == Medium.Certificate ? 0 : uint.MaxValue, issued.AddYears(8));
                Measure(rows, host, signer, worst).ShouldBeLessThanOrEqualTo(11, $"worst case on {medium} with host {host}");
            }
        }

        var table = string.Join(Environment.NewLine, rows);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "qr-sizes.txt"), table);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
    }

    private static int Measure(List<string> rows, string host, PayloadSigner signer, QrClaims claims)
    {
        var link = VerifyUrl.Build(host, signer.Sign(claims));
        using var symbol = QrSymbol.Encode(link);
        rows.Add($"{host} | {claims.CertificateNumber} ({claims.CertificateNumber.Length}) | {claims.Medium}, {claims.Serial} | " +
            $"{claims.SignedOn.DayNumber - claims.IssuedOn.DayNumber} d | {link.Length} | {symbol.Version} | {symbol.ModulesPerSide}×{symbol.ModulesPerSide} (+4 quiet)");
        return symbol.Version;
    }
}
