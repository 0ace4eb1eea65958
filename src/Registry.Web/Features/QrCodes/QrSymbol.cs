using QRCoder;

namespace Registry.Web.Features.QrCodes;

/// <summary>
/// One QR symbol, encoded by QRCoder at error correction Q (25 % of the symbol can be lost: plaques get
/// scratched) in alphanumeric mode, with the standard quiet zone of four modules on every side.
/// </summary>
public sealed class QrSymbol : IDisposable
{
    /// <summary>ISO/IEC 18004's minimum; QRCoder's module matrix and renderers include exactly this much.</summary>
    public const int QuietZoneModules = 4;

    private readonly QRCodeData _data;

    private QrSymbol(string text, QRCodeData data)
    {
        Text = text;
        _data = data;
    }

    public string Text { get; }

    /// <summary>QR version 1–40; the registry aims at 10 or lower.</summary>
    public int Version => _data.Version;

    /// <summary>Modules per side of the symbol itself (17 + 4 × version), quiet zone not counted.</summary>
    public int ModulesPerSide => 17 + (4 * Version);

    /// <summary>Modules per side of the printed square, quiet zone included.</summary>
    public int ModulesWithQuietZone => ModulesPerSide + (2 * QuietZoneModules);

    /// <summary>
    /// Encodes a verify URL. QRCoder picks alphanumeric mode by itself when every character is in that set; a
    /// text outside it is refused here rather than silently encoded in byte mode, which would grow the code
    /// by about three versions (a lower-case URL of 212 characters needs version 13 instead of 10).
    /// </summary>
    public static QrSymbol Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        if (!IsAlphanumeric(text))
        {
            throw new ArgumentException("Registry codes are written in the QR alphanumeric set (0-9 A-Z space $%*+-./:) only.", nameof(text));
        }

        using var generator = new QRCodeGenerator();
        return new QrSymbol(text, generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q));
    }

    /// <summary>
    /// Any text, in whatever mode it needs, at error correction M: for codes shown on a screen and scanned at once
    /// (an authenticator app's setup link), never for print.
    /// </summary>
    public static QrSymbol EncodeForScreen(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        return new QrSymbol(text, generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M));
    }

    public static bool IsAlphanumeric(string text) =>
        text.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is ' ' or '$' or '%' or '*' or '+' or '-' or '.' or '/' or ':');

    /// <summary>A standalone SVG whose viewBox counts modules, quiet zone included; it scales to any size.</summary>
    public string ToSvg() =>
        new SvgQRCode(_data).GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);

    /// <summary>The same SVG as a nested element of other artwork, placed at (x, y) with the given side, in the outer units.</summary>
    public string ToSvgElement(double x, double y, double side)
    {
        var svg = ToSvg();
        var start = svg.IndexOf("<svg ", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"<svg x=\"{x:0.###}\" y=\"{y:0.###}\" width=\"{side:0.###}\" height=\"{side:0.###}\" ") + svg[(start + 5)..];
    }

    /// <summary>Black on white, quiet zone included; <paramref name="pixelsPerModule"/> keeps every module a whole number of pixels.</summary>
    public byte[] ToPng(int pixelsPerModule) => new PngByteQRCode(_data).GetGraphic(pixelsPerModule, drawQuietZones: true);

    public void Dispose() => _data.Dispose();
}
