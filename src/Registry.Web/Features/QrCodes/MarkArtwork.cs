using System.Text;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// A packaging mark, 50 × 68 mm: stars and level over a 40 mm QR code (about 0.6 mm modules at version 10,
/// fine for offset or good digital print), then the certificate number and the mark's serial.
/// </summary>
public static class MarkArtwork
{
    public const double Width = 50;
    public const double Height = 68;
    public const double QrSide = 40;

    public static string Render(ArtworkContent content, QrSymbol qr)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(qr);
        const double centre = Width / 2;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}mm\" height=\"{Height}mm\" viewBox=\"0 0 {Width} {Height}\" data-medium=\"packaging-mark\" data-serial=\"{content.Serial}\">");
        svg.Append("<rect width=\"50\" height=\"68\" rx=\"2\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"0.4\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<g font-family=\"{SvgArt.FontFamily}\" fill=\"#000000\">");
        svg.Append(content.Stars > 0 ? SvgArt.Stars(content.Stars, centre, 6, 4.5, "#000000") : string.Empty);
        svg.Append(SvgArt.FittedText($"{content.LevelZh} · {content.LevelEn}", centre, 13.5, 3.2, 44, "bold", "level"));
        svg.Append(SvgArt.FittedText($"No. {content.Number}", centre, 60, 2.6, 46, "bold", "number"));
        svg.Append(SvgArt.FittedText(string.Create(CultureInfo.InvariantCulture, $"GB/T 27922 · {content.Serial}"), centre, 64.5, 2.2, 46, testId: "serial"));
        svg.Append("</g>");
        svg.Append(qr.ToSvgElement((Width - QrSide) / 2, 15.5, QrSide));
        return svg.Append("</svg>").ToString();
    }
}
