namespace Registry.Web.Features.Verification.Upload;

/// <summary>Premultiplied RGBA to grey, flattened onto white and shrunk by whole-pixel box averaging.</summary>
internal static class GreyConversion
{
    public static GreyImage ToGrey(ReadOnlySpan<byte> rgba, int width, int height, int rowBytes, int maxSide)
    {
        // A whole factor k averages k × k blocks: each output pixel is an exact area mean, which keeps module
        // edges sharp enough for zbar, unlike point sampling that can drop a thin module altogether.
        var k = Math.Max(1, (Math.Max(width, height) + maxSide - 1) / maxSide);
        var outWidth = Math.Max(1, width / k);
        var outHeight = Math.Max(1, height / k);
        var grey = new byte[outWidth * outHeight];
        var sums = new int[outWidth];
        var block = k * k;
        for (var oy = 0; oy < outHeight; oy++)
        {
            Array.Clear(sums);
            for (var dy = 0; dy < k; dy++)
            {
                var row = rgba.Slice(Math.Min((oy * k) + dy, height - 1) * rowBytes, width * 4);
                for (var ox = 0; ox < outWidth; ox++)
                {
                    var sum = 0;
                    for (var dx = 0; dx < k; dx++)
                    {
                        var i = Math.Min((ox * k) + dx, width - 1) * 4;
                        sum += Luma(row[i], row[i + 1], row[i + 2], row[i + 3]);
                    }

                    sums[ox] += sum;
                }
            }

            var target = grey.AsSpan(oy * outWidth, outWidth);
            for (var ox = 0; ox < outWidth; ox++)
            {
                target[ox] = (byte)((sums[ox] + (block / 2)) / block);
            }
        }

        return new GreyImage(grey, outWidth, outHeight);
    }

    /// <summary>
    /// BT.601 luma of a premultiplied pixel composited over white: a QR code drawn black on a transparent
    /// background (common in exported PNGs) must come out black on white, not black on black.
    /// </summary>
    private static int Luma(byte r, byte g, byte b, byte a) => (((77 * r) + (150 * g) + (29 * b)) >> 8) + (255 - a);
}
