using Microsoft.Extensions.Localization;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>Each refusal in words for the person who sent the picture, in the request's language (page and API alike).</summary>
public static class UploadMessages
{
    /// <param name="formatName">The picture's format when it is known (e.g. "GIF"), for <see cref="QrImageProblem.UnsupportedFormat"/>.</param>
    public static string For(IStringLocalizer text, QrImageProblem problem, string? formatName) => problem switch
    {
        QrImageProblem.NoImage => text["Choose a photo or screenshot of the QR code first."],
        QrImageProblem.NotAnImage => text["This file is not a picture the registry can read. Send a PNG or JPEG photo or screenshot of the QR code."],
        QrImageProblem.UnsupportedFormat when !string.IsNullOrEmpty(formatName) =>
            text["{0} pictures cannot be read here. Send a PNG or JPEG (a screenshot of the picture works).", formatName],
        QrImageProblem.UnsupportedFormat => text["This picture format cannot be read here. Send a PNG or JPEG (a screenshot of the picture works)."],
        QrImageProblem.TooLargeFile => text["The file is larger than {0} MB. Send a smaller photo, or a screenshot of the code.", QrImageLimits.MaxFileBytes / (1024 * 1024)],
        QrImageProblem.TooManyPixels => text["The picture has more than {0} megapixels. Send a smaller photo, or a screenshot of the code.", QrImageLimits.MaxPixels / 1_000_000],
        QrImageProblem.NoQrFound => text["No QR code was found in the picture. Take the photo straight on, in focus, with the code filling a good part of it."],
        QrImageProblem.SeveralQrCodes => text["The picture shows several different registry QR codes. Crop it to the one you want to check."],
        _ => text["Reading QR codes from pictures is not available right now. Type the certificate number instead."],
    };
}
