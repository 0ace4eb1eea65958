using System.Text;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// A brass plaque (铜牌), 300 × 200 mm: level and stars, the holder's names, the certificate number and the
/// body on the left; the QR code on the right, 80 mm square with its quiet zone, so that a version-10 code
/// (65 modules with the quiet zone) has modules of 1.2 mm, coarse enough to engrave and to survive scratches.
/// </summary>
public static class PlaqueArtwork
{
    public const double Width = 300;
    public const double Height = 200;
    public const double QrSide = 80;

    public static string Render(ArtworkContent content, QrSymbol qr)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(qr);
        const double left = 105; // centre of the text column
        const double column = 180;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}mm\" height=\"{Height}mm\" viewBox=\"0 0 {Width} {Height}\" data-medium=\"plaque\" data-serial=\"{content.Serial}\">");
        svg.Append("<rect width=\"300\" height=\"200\" fill=\"#ffffff\"/>");
        svg.Append("<rect x=\"5\" y=\"5\" width=\"290\" height=\"190\" rx=\"4\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1.5\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<g font-family=\"{SvgArt.FontFamily}\" fill=\"#000000\">");
        svg.Append(SvgArt.FittedText("售后服务认证", left, 30, 14, column, "bold"));
        svg.Append(SvgArt.FittedText("AFTER-SALES SERVICE CERTIFICATION · GB/T 27922", left, 39, 5, column));
        svg.Append(content.Stars > 0
            ? SvgArt.Stars(content.Stars, left, 56, 15, "#000000")
            : string.Empty);
        svg.Append(SvgArt.FittedText($"{content.LevelZh} · {content.LevelEn}", left, content.Stars > 0 ? 78 : 62, 9, column, "bold", "level"));
        svg.Append(SvgArt.FittedText(content.HolderZh, left, 100, 11, column, "bold", "holder-zh"));
        if (content.HolderEn is { Length: > 0 } english)
        {
            svg.Append(SvgArt.FittedText(english, left, 110, 5.5, column, testId: "holder-en"));
        }

        svg.Append(SvgArt.FittedText($"证书编号 Certificate No. {content.Number}", left, 128, 6.5, column, "bold", "number"));
        svg.Append(SvgArt.FittedText(content.BodyZh, left, 172, 5.5, column));
        svg.Append(SvgArt.FittedText(content.BodyEn, left, 180, 4, column));
        const double qrX = 205;
        const double qrY = 45;
        svg.Append(SvgArt.FittedText("扫码核验 · SCAN TO VERIFY", qrX + (QrSide / 2), qrY - 5, 4.5, QrSide));
        svg.Append(SvgArt.FittedText(string.Create(CultureInfo.InvariantCulture, $"No. {content.Serial}"), qrX + (QrSide / 2), qrY + QrSide + 8, 4, QrSide, testId: "serial"));
        svg.Append("</g>");
        svg.Append(qr.ToSvgElement(qrX, qrY, QrSide));
        return svg.Append("</svg>").ToString();
    }
}
