namespace Registry.Web.Features.Verification.Upload;

/// <summary>8-bit grey pixels, row after row without padding: zbar's "Y800" format.</summary>
internal sealed record GreyImage(byte[] Pixels, int Width, int Height);
