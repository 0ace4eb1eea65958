using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// Finds the QR codes in a grey image with libzbar. Every call has its own scanner and image, so calls on
/// many threads at once share nothing (a zbar scanner is not thread-safe; creating one costs microseconds).
/// </summary>
internal static class ZBarScanner
{
    /// <summary>More symbols than this in one picture is not a photo of a certificate; the rest are ignored.</summary>
    private const int MaxSymbols = 16;

    /// <summary>
    /// The text of each QR code found, in zbar's order. Registry codes are pure QR alphanumeric (ASCII), so
    /// character sets only matter for other codes, whose text the page shows. Left to itself, zbar converts a
    /// code's bytes by guessing, and takes Shift JIS before UTF-8: Chinese UTF-8 text (what nearly every
    /// generator writes, usually without an ECI header) comes out as Japanese mojibake. So zbar hands back the
    /// raw bytes (<see cref="ZBarNative.ConfigBinary"/>), read here as UTF-8 when they are valid UTF-8, and
    /// otherwise as ISO 8859-1, the QR standard's default for byte mode. ECI headers are not honoured.
    /// </summary>
    /// <exception cref="DllNotFoundException">libzbar.so.0 is not installed.</exception>
    public static unsafe IReadOnlyList<string> Scan(GreyImage image)
    {
        using var scanner = ZBarNative.ImageScannerCreate();
        if (scanner.IsInvalid)
        {
            throw new InvalidOperationException("zbar_image_scanner_create returned null.");
        }

        // QR only: other symbologies cost time, and a product barcode beside the code must not count as a code.
        ZBarNative.ImageScannerSetConfig(scanner, ZBarNative.AllSymbologies, ZBarNative.ConfigEnable, 0);
        ZBarNative.ImageScannerSetConfig(scanner, ZBarNative.QrCode, ZBarNative.ConfigEnable, 1);
        ZBarNative.ImageScannerSetConfig(scanner, ZBarNative.QrCode, ZBarNative.ConfigBinary, 1);
        // Light-on-dark codes (dark-mode screenshots); zbar only pays for the second pass when the first found nothing.
        ZBarNative.ImageScannerSetConfig(scanner, ZBarNative.AllSymbologies, ZBarNative.ConfigTestInverted, 1);

        fixed (byte* pixels = image.Pixels)
        {
            // The zbar image lives inside the fixed block: its data pointer must never outlive the pinning.
            using var zbarImage = ZBarNative.ImageCreate();
            if (zbarImage.IsInvalid)
            {
                throw new InvalidOperationException("zbar_image_create returned null.");
            }

            ZBarNative.ImageSetFormat(zbarImage, ZBarNative.GreyFourCc);
            ZBarNative.ImageSetSize(zbarImage, (uint)image.Width, (uint)image.Height);
            ZBarNative.ImageSetData(zbarImage, (nint)pixels, new CULong((nuint)image.Pixels.Length), cleanupHandler: 0);
            var found = ZBarNative.ScanImage(scanner, zbarImage);
            if (found < 0)
            {
                throw new InvalidOperationException("zbar_scan_image failed.");
            }

            return found == 0 ? [] : ReadSymbols(zbarImage);
        }
    }

    private static unsafe List<string> ReadSymbols(ZBarImageHandle zbarImage)
    {
        var texts = new List<string>();
        for (var symbol = ZBarNative.ImageFirstSymbol(zbarImage); symbol != 0 && texts.Count < MaxSymbols; symbol = ZBarNative.SymbolNext(symbol))
        {
            if (ZBarNative.SymbolGetType(symbol) != ZBarNative.QrCode)
            {
                continue;
            }

            var length = checked((int)ZBarNative.SymbolGetDataLength(symbol));
            texts.Add(TextOf(new ReadOnlySpan<byte>((void*)ZBarNative.SymbolGetData(symbol), length)));
        }

        return texts;
    }

    private static string TextOf(ReadOnlySpan<byte> data) =>
        Utf8.IsValid(data) ? Encoding.UTF8.GetString(data) : Encoding.Latin1.GetString(data);
}
