using SkiaSharp;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// PNG or JPEG bytes to a grey image of at most <see cref="QrImageLimits.MaxScanSide"/> px, with SkiaSharp.
/// The header is read first, and an image declaring too many pixels is refused before decoding.
/// </summary>
internal static class GreyImageReader
{
    public static (GreyImage? Image, DecodeResult? Failure) Read(ReadOnlySpan<byte> file, long maxPixels, int maxSide)
    {
        // A copy, because Skia reads the data lazily while decoding and a span cannot be held that long.
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return Fail(QrImageProblem.NotAnImage, "The file starts like a picture but its header cannot be read.");
        }

        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
        {
            return Fail(QrImageProblem.UnsupportedFormat, $"{codec.EncodedFormat} pictures are not read; send a PNG or a JPEG.");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > maxPixels)
        {
            return Fail(QrImageProblem.TooManyPixels,
                $"The picture declares {width} × {height} pixels; at most {maxPixels / 1_000_000} megapixels are read.");
        }

        // JPEG decodes natively at 1/8 to 8/8 of its size (much less work for big photos); PNG only at full size.
        var longest = Math.Max(width, height);
        var size = longest > maxSide ? codec.GetScaledDimensions((float)maxSide / longest) : new SKSizeI(width, height);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        // Native memory, freed as soon as the grey copy exists, rather than a large managed array the GC keeps.
        using var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            return Fail(QrImageProblem.TooManyPixels, $"No memory for a {size.Width} × {size.Height} picture now.");
        }

        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        // A cut-off file decodes as far as it goes (the rest stays transparent, i.e. white): the code may be in it.
        if (decoded is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return Fail(QrImageProblem.NotAnImage, $"The picture's data cannot be decoded ({decoded}).");
        }

        // EXIF orientation (codec.EncodedOrigin) is ignored on purpose: zbar reads QR codes at any rotation and
        // mirrored too (the tests show both), so turning a phone photo upright would cost time and change nothing.
        var image = GreyConversion.ToGrey(bitmap.GetPixelSpan(), info.Width, info.Height, bitmap.RowBytes, maxSide);
        return (image, null);
    }

    private static (GreyImage?, DecodeResult?) Fail(QrImageProblem problem, string detail) => (null, DecodeResult.Failed(problem, detail));
}
