namespace Registry.Web.Features.Verification.Upload;

/// <summary>Why an uploaded picture gave no code to verify. <see cref="QrImageProblems.Code"/> is the stable wire name.</summary>
public enum QrImageProblem
{
    /// <summary>The form had no file, or an empty one (the endpoint's check, not the decoder's).</summary>
    NoImage,

    /// <summary>Neither a PNG nor a JPEG by its first bytes, or one whose header is unreadable.</summary>
    NotAnImage,

    /// <summary>A picture in another format (GIF, WebP, BMP, TIFF, HEIC, AVIF).</summary>
    UnsupportedFormat,

    TooLargeFile,

    /// <summary>The header declares more pixels than the limit; refused before any pixel is decoded.</summary>
    TooManyPixels,

    NoQrFound,

    /// <summary>Two or more different registry codes: which one was meant cannot be guessed (the endpoint's check).</summary>
    SeveralQrCodes,

    /// <summary>libzbar or SkiaSharp's native library is missing on this server.</summary>
    DecoderUnavailable,
}

public static class QrImageProblems
{
    /// <summary>The stable code clients match on; never rename one.</summary>
    public static string Code(this QrImageProblem problem) => problem switch
    {
        QrImageProblem.NoImage => "NO_IMAGE",
        QrImageProblem.NotAnImage => "NOT_AN_IMAGE",
        QrImageProblem.UnsupportedFormat => "UNSUPPORTED_FORMAT",
        QrImageProblem.TooLargeFile => "TOO_LARGE_FILE",
        QrImageProblem.TooManyPixels => "TOO_MANY_PIXELS",
        QrImageProblem.NoQrFound => "NO_QR_FOUND",
        QrImageProblem.SeveralQrCodes => "SEVERAL_QR_CODES",
        QrImageProblem.DecoderUnavailable => "DECODER_UNAVAILABLE",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    public static int HttpStatus(this QrImageProblem problem) => problem switch
    {
        QrImageProblem.NoImage => StatusCodes.Status400BadRequest,
        QrImageProblem.NotAnImage or QrImageProblem.UnsupportedFormat => StatusCodes.Status415UnsupportedMediaType,
        QrImageProblem.TooLargeFile => StatusCodes.Status413PayloadTooLarge,
        QrImageProblem.DecoderUnavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
