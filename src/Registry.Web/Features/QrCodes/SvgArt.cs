using System.Security;
using System.Text;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// The few SVG pieces printed artwork needs, in millimetres. Stars are drawn as shapes rather than ★
/// glyphs, because an engraver's machine may not have a font that holds them.
/// </summary>
internal static class SvgArt
{
    public const string FontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>
    /// Centred text whose size shrinks so that it fits <paramref name="maxWidth"/>: company names run from
    /// four characters to forty. The width is estimated (a CJK character is one em, anything else about half).
    /// </summary>
    public static string FittedText(string text, double centreX, double baseline, double fontSize, double maxWidth, string weight = "normal", string? testId = null)
    {
        var ems = text.Sum(c => c > 0x2E7F ? 1.0 : 0.56);
        var size = ems * fontSize > maxWidth ? maxWidth / ems : fontSize;
        var id = testId is null ? string.Empty : $" data-testid=\"{testId}\"";
        return $"<text x=\"{Number(centreX)}\" y=\"{Number(baseline)}\" font-size=\"{Number(size)}\" font-weight=\"{weight}\" text-anchor=\"middle\"{id}>{SecurityElement.Escape(text)}</text>";
    }

    /// <summary>A row of five-pointed stars centred on <paramref name="centreX"/>, each <paramref name="size"/> across.</summary>
    public static string Stars(int count, double centreX, double centreY, double size, string fill)
    {
        var gap = size * 0.25;
        var width = (count * size) + ((count - 1) * gap);
        var builder = new StringBuilder($"<g class=\"stars\" data-count=\"{count}\" fill=\"{fill}\">");
        for (var i = 0; i < count; i++)
        {
            builder.Append(Star(centreX - (width / 2) + (size / 2) + (i * (size + gap)), centreY, size / 2));
        }

        return builder.Append("</g>").ToString();
    }

    private static string Star(double cx, double cy, double radius)
    {
        var inner = radius * 0.382;
        var points = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? radius : inner;
            var angle = (Math.PI / 5 * i) - (Math.PI / 2);
            points.Append(points.Length == 0 ? "M" : "L").Append(Number(cx + (r * Math.Cos(angle)))).Append(' ').Append(Number(cy + (r * Math.Sin(angle))));
        }

        return $"<path d=\"{points}Z\"/>";
    }
}
