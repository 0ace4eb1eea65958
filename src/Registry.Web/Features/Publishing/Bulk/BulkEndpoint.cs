using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Publishing.Api;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// POST /api/publishing/bulk: up to <see cref="BulkLimits.MaxRows"/> certificate changes as CSV (text/csv), JSON
/// (application/json) or an .xlsx workbook. 200 with one result per row; 400 for a document that cannot be read, 413 over a
/// limit, 415 for another content type. Nothing is applied unless the whole document reads. See README.md.
/// </summary>
internal static class BulkEndpoint
{
    public static RouteGroupBuilder MapBulkPublishing(this RouteGroupBuilder api)
    {
        api.MapPost("/bulk", HandleAsync)
            // Kestrel stops a longer body as it arrives; one byte of slack lets our own check answer first, with a problem.
            .WithMetadata(new RequestSizeLimitAttribute(BulkLimits.MaxBodyBytes + 1L));
        return api;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, BulkPublisher publisher)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (mediaType is not ("text/csv" or "application/json" or XlsxRows.MediaType))
        {
            return ApiProblems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "UNSUPPORTED_MEDIA_TYPE",
                $"Send the rows as text/csv or application/json (UTF-8), or as an .xlsx workbook ({XlsxRows.MediaType}).");
        }

        var key = PublishingHttp.IdempotencyKey(context);
        if (key is not null && !IdempotencyKeys.IsValid(key))
        {
            return PublishingHttp.BadRequest(PublishingErrorCodes.IdempotencyKeyInvalid,
                $"An idempotency key has 1 to {IdempotencyKeys.MaxLength} printable ASCII characters without spaces.");
        }

        var body = await RequestBody.ReadAsync(context.Request, BulkLimits.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return PublishingHttp.TooLarge(string.Create(CultureInfo.InvariantCulture, $"A bulk request has at most {BulkLimits.MaxBodyBytes:N0} bytes; split it."));
        }

        var document = mediaType switch
        {
            "text/csv" => await CsvRows.ReadAsync(body, context.RequestAborted),
            XlsxRows.MediaType => XlsxRows.Read(body),
            _ => JsonRows.Read(body),
        };
        if (document.TooManyRows)
        {
            return PublishingHttp.TooLarge(string.Create(CultureInfo.InvariantCulture, $"A bulk request has at most {BulkLimits.MaxRows:N0} rows; split it."));
        }

        if (document.Malformed is { } why)
        {
            return PublishingHttp.BadRequest("MALFORMED_DOCUMENT", why);
        }

        var response = await publisher.RunAsync(PublishingHttp.Caller(context), document.Rows, key, context.RequestAborted);
        return Results.Ok(response);
    }
}
