namespace Registry.Web.Features.Verification.Upload;

internal enum SniffedKind
{
    Png,
    Jpeg,
    OtherImage,
    NotAnImage,
}

/// <summary>
/// The format from the file's first bytes, never from its name or declared content type (both are whatever
/// the sender says). Other picture formats are recognised only to give a better message than "not an image".
/// </summary>
internal static class ImageSniffer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (SniffedKind Kind, string Name) Sniff(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith(PngSignature))
        {
            return (SniffedKind.Png, "PNG");
        }

        // SOI marker followed by the first marker's 0xFF.
        if (file.Length >= 3 && file[0] == 0xFF && file[1] == 0xD8 && file[2] == 0xFF)
        {
            return (SniffedKind.Jpeg, "JPEG");
        }

        var other = OtherImageName(file);
        return other is null ? (SniffedKind.NotAnImage, string.Empty) : (SniffedKind.OtherImage, other);
    }

    private static string? OtherImageName(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith("GIF87a"u8) || file.StartsWith("GIF89a"u8))
        {
            return "GIF";
        }

        if (file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP";
        }

        if (file.StartsWith("BM"u8) && file.Length >= 26)
        {
            return "BMP";
        }

        if (file.StartsWith("II*\0"u8) || file.StartsWith("MM\0*"u8))
        {
            return "TIFF";
        }

        // ISO base media: "ftyp" at offset 4, then the brand (HEIC from iPhones, AVIF).
        if (file.Length >= 12 && file[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = file[8..12];
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return "AVIF";
            }

            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            {
                return "HEIC";
            }
        }

        return null;
    }
}
