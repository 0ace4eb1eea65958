using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace Registry.Web.Tests.Verification.Upload;

/// <summary>Files built byte by byte: decompression bombs, other formats, broken pictures, EXIF orientation.</summary>
internal static class CraftedFiles
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A smallest GIF (1 × 1 pixel, 43 bytes).</summary>
    public static byte[] Gif =>
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
        0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Text => Encoding.UTF8.GetBytes("HTTPS://STAR.TEST/V/QRE2EAJGARCBST3D5WQFQJEJAFGQDYIVOAS55VRPLD\n这不是图片。\n");

    /// <summary>
    /// A valid PNG header declaring <paramref name="width"/> × <paramref name="height"/> grey pixels, followed by
    /// a few hundred bytes of compressed zero rows: a few hundred bytes that would inflate to gigabytes.
    /// </summary>
    public static byte[] PngBomb(int width = 30000, int height = 30000)
    {
        using var file = new MemoryStream();
        file.Write(PngSignature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter, not interlaced
        WriteChunk(file, "IHDR", header);
        using (var zeros = new MemoryStream())
        {
            using (var zlib = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(new byte[(width + 1) * 4]);
            }

            WriteChunk(file, "IDAT", zeros.ToArray());
        }

        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>A real small JPEG whose frame header (SOF0) is rewritten to declare 60000 × 60000 pixels.</summary>
    public static byte[] JpegBomb()
    {
        using var bitmap = QrPictures.Draw("BOMB", pixelsPerModule: 2);
        var jpeg = QrPictures.Encode(bitmap, SKEncodedImageFormat.Jpeg);
        var sof = FindMarker(jpeg, 0xC0);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 60000);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 60000);
        return jpeg;
    }

    /// <summary>
    /// A mirrored code saved as JPEG, with (<paramref name="withExif"/>) or without the EXIF orientation 2
    /// ("flip horizontally to view") that a front camera writes instead of flipping the pixels.
    /// </summary>
    public static byte[] MirroredJpeg(string text, bool withExif)
    {
        using var code = QrPictures.Draw(text, pixelsPerModule: 6);
        using var mirrored = new SKBitmap(code.Info);
        using (var canvas = new SKCanvas(mirrored))
        {
            canvas.Scale(-1, 1, code.Width / 2f, 0);
            canvas.DrawBitmap(code, 0, 0);
        }

        var jpeg = QrPictures.Encode(mirrored, SKEncodedImageFormat.Jpeg, quality: 95);
        if (!withExif)
        {
            return jpeg;
        }

        // APP1 "Exif\0\0", big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 1 value, 2.
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0x00, 0x00,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    private static int FindMarker(byte[] jpeg, byte marker)
    {
        for (var i = 2; i < jpeg.Length - 1; i++)
        {
            if (jpeg[i] == 0xFF && jpeg[i + 1] == marker)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No FF{marker:X2} marker in the JPEG.");
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        file.Write(number);
    }

    /// <summary>The PNG chunk CRC (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
