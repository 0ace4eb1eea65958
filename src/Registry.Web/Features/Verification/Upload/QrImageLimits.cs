namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// What an upload may cost, checked before the work it bounds: bytes before reading the body, format by magic
/// bytes before decoding, declared pixels before any pixel is decoded.
/// </summary>
public static class QrImageLimits
{
    /// <summary>8 MB: a phone photo (3–6 MB JPEG at 12 MP) or any screenshot fits; a 50 MP original usually does not.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    /// <summary>The request body around the file: multipart boundaries and headers are a few hundred bytes.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (64 * 1024);

    /// <summary>
    /// 25 megapixels as declared by the header. A PNG has no reduced decoding, so this bounds the decoding
    /// buffer at 100 MB (4 bytes a pixel); a tiny file declaring 30000 × 30000 (a decompression bomb) stops here.
    /// </summary>
    public const long MaxPixels = 25_000_000;

    /// <summary>
    /// The longest side handed to zbar. A QR code that covers a tenth of a 2,000 px picture still has
    /// 3 px per module at version 10 (57 modules); more pixels only make zbar slower.
    /// </summary>
    public const int MaxScanSide = 2000;

    /// <summary>Decodes at once per processor: decoding is CPU- and memory-bound, extra uploads wait their turn.</summary>
    public static int ConcurrentDecodes => Environment.ProcessorCount;
}
