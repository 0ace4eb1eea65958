using Microsoft.Win32.SafeHandles;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>A zbar_image_scanner_t, destroyed exactly once even if a scan throws.</summary>
internal sealed class ZBarScannerHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ZBarScannerHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        ZBarNative.ImageScannerDestroy(handle);
        return true;
    }
}

/// <summary>A zbar_image_t; its symbols live until it is destroyed.</summary>
internal sealed class ZBarImageHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ZBarImageHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        ZBarNative.ImageDestroy(handle);
        return true;
    }
}
