using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Registry.Domain.Text;
using Registry.Web.Features.Input;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// Reads the uploaded picture from a request without buffering more than the limit allows: the multipart
/// field <c>image</c> (the form and API clients), or for the API a raw body sent as image/png, image/jpeg or
/// application/octet-stream. Sections are streamed with <see cref="MultipartReader"/> rather than the form
/// reader, which would spool files to disk and turn a size overrun into an exception.
/// </summary>
internal static class UploadedFile
{
    public const string FieldName = "image";

    public static async Task<(byte[]? File, QrImageProblem? Problem, string? Detail)> ReadAsync(HttpRequest request, bool allowRawBody, CancellationToken cancellationToken)
    {
        if (request.ContentLength > QrImageLimits.MaxRequestBytes)
        {
            return TooLarge();
        }

        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return await ReadMultipartAsync(request, HeaderUtilities.RemoveQuotes(type.Boundary).Value, cancellationToken);
            }

            if (allowRawBody && type is not null && (type.MediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
            {
                var raw = await ReadCappedAsync(request.Body, cancellationToken);
                return raw is null ? TooLarge() : (raw, null, null);
            }

            return NoImage($"Send the picture as the multipart form field \"{FieldName}\".");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return NoImage("The upload is not a well-formed multipart form.");
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The reader met the end of the body inside a section or before the first boundary: empty or cut short.
            return NoImage("The upload ended before the multipart form was complete (an empty or cut-off body).");
        }
    }

    private static async Task<(byte[]?, QrImageProblem?, string?)> ReadMultipartAsync(HttpRequest request, string? boundary, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(boundary))
        {
            return NoImage("The multipart form has no boundary.");
        }

        // The limit also bounds the sections that are skipped, which the reader drains without keeping.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = QrImageLimits.MaxRequestBytes };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FieldName, StringComparison.Ordinal))
            {
                // The file's name is never used, but it is text that entered: the one rule applies to it too.
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                if (InputText.Check(fileName, "The file name") is { } refusal)
                {
                    return NoImage(refusal.Message);
                }

                var file = await ReadCappedAsync(section.Body, cancellationToken);
                return file is null ? TooLarge() : file.Length == 0 ? NoImage("The file is empty.") : (file, null, null);
            }
        }

        return NoImage($"The form has no file in the field \"{FieldName}\".");
    }

    private static Task<byte[]?> ReadCappedAsync(Stream body, CancellationToken cancellationToken) =>
        CappedBody.ReadAsync(body, QrImageLimits.MaxFileBytes, cancellationToken);

    private static (byte[]?, QrImageProblem?, string?) TooLarge() =>
        (null, QrImageProblem.TooLargeFile, $"The upload is larger than {QrImageLimits.MaxFileBytes / (1024 * 1024)} MB.");

    private static (byte[]?, QrImageProblem?, string?) NoImage(string detail) => (null, QrImageProblem.NoImage, detail);
}
