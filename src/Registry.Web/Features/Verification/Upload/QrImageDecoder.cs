namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// Reads the QR codes in an uploaded PNG or JPEG: limits, format by magic bytes, header dimensions, then
/// SkiaSharp decoding to grey and libzbar. Thread-safe and stateless apart from the gate that bounds how many
/// decodes run at once. Never throws for bad input: every refusal is a <see cref="DecodeResult"/>.
/// </summary>
public sealed class QrImageDecoder : IDisposable
{
    private readonly Func<GreyImage, IReadOnlyList<string>> _scan;
    private readonly SemaphoreSlim _gate = new(QrImageLimits.ConcurrentDecodes);

    public QrImageDecoder()
        : this(ZBarScanner.Scan)
    {
    }

    /// <summary>For tests: another scanner in place of libzbar (e.g. one that is "not installed").</summary>
    internal QrImageDecoder(Func<GreyImage, IReadOnlyList<string>> scan) => _scan = scan;

    public long MaxFileBytes { get; init; } = QrImageLimits.MaxFileBytes;

    public long MaxPixels { get; init; } = QrImageLimits.MaxPixels;

    public int MaxScanSide { get; init; } = QrImageLimits.MaxScanSide;

    /// <summary><see cref="Decode"/> once a decoding slot is free.</summary>
    public async Task<DecodeResult> DecodeAsync(ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Decode(file.Span);
        }
        finally
        {
            _gate.Release();
        }
    }

    public DecodeResult Decode(ReadOnlySpan<byte> file)
    {
        if (file.IsEmpty)
        {
            return DecodeResult.Failed(QrImageProblem.NotAnImage, "The file is empty.");
        }

        if (file.Length > MaxFileBytes)
        {
            return DecodeResult.Failed(QrImageProblem.TooLargeFile, $"The file has {file.Length} bytes; at most {MaxFileBytes} are read.");
        }

        var (kind, name) = ImageSniffer.Sniff(file);
        switch (kind)
        {
            case SniffedKind.NotAnImage:
                return DecodeResult.Failed(QrImageProblem.NotAnImage, "The file is neither a PNG nor a JPEG picture.");
            case SniffedKind.OtherImage:
                return DecodeResult.Failed(QrImageProblem.UnsupportedFormat, $"{name} pictures are not read; send a PNG or a JPEG.");
        }

        try
        {
            var (image, failure) = GreyImageReader.Read(file, MaxPixels, MaxScanSide);
            if (image is null)
            {
                return failure!;
            }

            var texts = _scan(image);
            return texts.Count == 0
                ? DecodeResult.Failed(QrImageProblem.NoQrFound, "No QR code was found in the picture.")
                : DecodeResult.Decoded(texts);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            // A server without libzbar0 (or SkiaSharp's native library) answers uploads with a clear refusal.
            return DecodeResult.Failed(QrImageProblem.DecoderUnavailable, $"The QR decoder is not available on this server: {e.Message}");
        }
    }

    public void Dispose() => _gate.Dispose();
}
