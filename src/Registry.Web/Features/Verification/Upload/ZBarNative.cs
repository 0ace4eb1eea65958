using System.Runtime.InteropServices;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// The few functions of Debian's libzbar0 (0.23.x) that the upload decoder calls, with zbar.h's types:
/// C "unsigned long" is <see cref="CULong"/> because its width differs between platforms. Symbols returned
/// by zbar belong to their image and are plain pointers, valid until the image is destroyed.
/// </summary>
internal static partial class ZBarNative
{
    private const string Library = "libzbar.so.0";

    /// <summary>ZBAR_NONE: as the symbology of a setting, "every symbology".</summary>
    public const int AllSymbologies = 0;

    /// <summary>ZBAR_QRCODE.</summary>
    public const int QrCode = 64;

    /// <summary>ZBAR_CFG_ENABLE.</summary>
    public const int ConfigEnable = 0;

    /// <summary>ZBAR_CFG_BINARY: hand back a code's bytes as they are, without zbar's guess at their character set.</summary>
    public const int ConfigBinary = 4;

    /// <summary>ZBAR_CFG_TEST_INVERTED: when nothing is found, scan the inverted image once more.</summary>
    public const int ConfigTestInverted = 129;

    /// <summary>fourcc('Y','8','0','0'): 8-bit grey, one byte a pixel, rows without padding.</summary>
    public static readonly CULong GreyFourCc = new('Y' | ('8' << 8) | ('0' << 16) | ((uint)'0' << 24));

    [LibraryImport(Library, EntryPoint = "zbar_image_scanner_create")]
    public static partial ZBarScannerHandle ImageScannerCreate();

    [LibraryImport(Library, EntryPoint = "zbar_image_scanner_destroy")]
    public static partial void ImageScannerDestroy(nint scanner);

    [LibraryImport(Library, EntryPoint = "zbar_image_scanner_set_config")]
    public static partial int ImageScannerSetConfig(ZBarScannerHandle scanner, int symbology, int config, int value);

    [LibraryImport(Library, EntryPoint = "zbar_image_create")]
    public static partial ZBarImageHandle ImageCreate();

    [LibraryImport(Library, EntryPoint = "zbar_image_destroy")]
    public static partial void ImageDestroy(nint image);

    [LibraryImport(Library, EntryPoint = "zbar_image_set_format")]
    public static partial void ImageSetFormat(ZBarImageHandle image, CULong format);

    [LibraryImport(Library, EntryPoint = "zbar_image_set_size")]
    public static partial void ImageSetSize(ZBarImageHandle image, uint width, uint height);

    /// <summary>With a null cleanup handler zbar never frees <paramref name="data"/>: the caller keeps it pinned.</summary>
    [LibraryImport(Library, EntryPoint = "zbar_image_set_data")]
    public static partial void ImageSetData(ZBarImageHandle image, nint data, CULong length, nint cleanupHandler);

    /// <summary>The number of symbols found, or -1 on error.</summary>
    [LibraryImport(Library, EntryPoint = "zbar_scan_image")]
    public static partial int ScanImage(ZBarScannerHandle scanner, ZBarImageHandle image);

    [LibraryImport(Library, EntryPoint = "zbar_image_first_symbol")]
    public static partial nint ImageFirstSymbol(ZBarImageHandle image);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_next")]
    public static partial nint SymbolNext(nint symbol);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_get_type")]
    public static partial int SymbolGetType(nint symbol);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_get_data")]
    public static partial nint SymbolGetData(nint symbol);

    [LibraryImport(Library, EntryPoint = "zbar_symbol_get_data_length")]
    public static partial uint SymbolGetDataLength(nint symbol);
}
