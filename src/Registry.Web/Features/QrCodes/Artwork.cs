using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;

namespace Registry.Web.Features.QrCodes;

/// <summary>One plaque's or mark's print-ready SVG, named for its certificate and serial, with the size its code came out.</summary>
public sealed record ArtworkFile(int Serial, string FileName, string Svg, int QrVersion, int QrModules, int TextLength);

/// <summary>Artwork for one serial: the signed code and the certificate as the registry holds it today, drawn for its medium.</summary>
public static class Artwork
{
    public static ArtworkFile Render(CertificateRecord record, PrintJob job, Medium medium, int serial)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(job);
        var text = job.Sign(medium, checked((uint)serial));
        using var qr = QrSymbol.Encode(text);
        var content = ArtworkContent.From(record, job.Template with { Medium = medium, Serial = (uint)serial });
        var svg = medium == Medium.Plaque ? PlaqueArtwork.Render(content, qr) : MarkArtwork.Render(content, qr);
        return new ArtworkFile(serial, FileName(record.Certificate.NormalizedNumber, medium, serial), svg, qr.Version, qr.ModulesPerSide, text.Length);
    }

    public static string FileName(string normalizedNumber, Medium medium, int serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{normalizedNumber}-{(medium == Medium.Plaque ? "plaque" : "mark")}-{serial:D6}.svg");
}
