using System.Buffers.Binary;
using System.IO.Compression;

namespace Registry.Web.Tests.QrCodes;

/// <summary>
/// Reads the 1-bit greyscale PNGs QRCoder writes (no filtering, no interlace), just enough to check where
/// the dark pixels are: the quiet zone must be light all round.
/// </summary>
public sealed class GreyPng
{
    private readonly byte[] _rows;
    private readonly int _stride;

    private GreyPng(int width, int height, byte[] rows)
    {
        Width = width;
        Height = height;
        _rows = rows;
        _stride = 1 + ((width + 7) / 8);
    }

    public int Width { get; }

    public int Height { get; }

    public static GreyPng Read(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        int width = 0, height = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (data[8], data[9], data[12]).ShouldBe(((byte)1, (byte)0, (byte)0), "1-bit greyscale, not interlaced");
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var rows = new MemoryStream();
        inflater.CopyTo(rows);
        return new GreyPng(width, height, rows.ToArray());
    }

    public bool IsDark(int x, int y)
    {
        var row = y * _stride;
        _rows[row].ShouldBe((byte)0, "unfiltered scanlines");
        return (_rows[row + 1 + (x / 8)] & (0x80 >> (x % 8))) == 0;
    }
}
