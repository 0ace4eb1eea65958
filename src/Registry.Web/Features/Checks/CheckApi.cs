using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Input;
using Registry.Web.Features.Input.Tables;
using Registry.Web.Features.Site;

namespace Registry.Web.Features.Checks;

/// <summary>
/// POST /api/check: a list in (JSON rows, or the bytes of a CSV, TSV or .xlsx file), the report out as JSON, or
/// as CSV when the caller's Accept prefers text/csv. With <c>?receipt=true</c> the answer is also kept as a signed
/// receipt (Features/Receipts): its address is in a <c>Link: &lt;/receipts/{id}&gt;; rel="star-receipt"</c> header, and
/// the JSON carries its id, address and document. Problems are RFC 9457 documents with a stable code.
/// </summary>
internal static class CheckApi
{
    public static IEndpointRouteBuilder MapCheckApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/check", HandleAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, BulkChecker checker, Receipts.ReceiptIssuer receipts, IStringLocalizer<SharedResource> text,
        CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > TableLimits.MaxBytes)
        {
            return TooLarge();
        }

        var body = await CappedBody.ReadAsync(context.Request.Body, TableLimits.MaxBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        var type = MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var parsed) ? parsed : null;
        TextTable? table;
        TableProblem? problem;
        if (type?.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            var (rows, code, message) = CheckJson.Read(body);
            if (rows is null)
            {
                return Problem(StatusCodes.Status400BadRequest, code!, message!);
            }

            (table, problem) = TableFile.FromCells(rows, CheckRows.MaxRows);
        }
        else if (type is null || !IsTableType(type.MediaType.Value))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "Send the list as application/json ({\"rows\": [...]}), as text/csv or text/tab-separated-values, or as an .xlsx workbook.");
        }
        else
        {
            (table, problem) = TableFile.Read(body, CheckRows.MaxRows);
        }

        if (problem is not null)
        {
            return Problem(problem);
        }

        CheckReport report;
        try
        {
            report = await checker.CheckAsync(table!, cancellationToken);
        }
        catch (CheckUnavailableException e)
        {
            ErrorResponses.SetRetryAfter(context.Response, TimeSpan.FromSeconds(5));
            return Problem(StatusCodes.Status503ServiceUnavailable, "INDEX_NOT_READY", e.Message);
        }

        Receipts.StoredReceipt? receipt = null;
        if (context.Request.Query["receipt"] == "true")
        {
            receipt = await receipts.ForReportAsync(report, cancellationToken);
            context.Response.Headers.Link = $"</receipts/{receipt.Id}>; rel=\"star-receipt\"";
        }

        if (WantsCsv(context.Request))
        {
            return Results.File(CheckDownloads.Csv(report, text), CheckDownloads.CsvType, CheckDownloads.FileName(report, "csv"));
        }

        if (receipt is null)
        {
            return Results.Json(CheckJson.Of(report));
        }

        // The report keeps its shape; the receipt is one more member.
        var json = System.Text.Json.JsonSerializer.SerializeToNode(CheckJson.Of(report), System.Text.Json.JsonSerializerOptions.Web)!;
        json["receipt"] = System.Text.Json.JsonSerializer.SerializeToNode(
            new { id = receipt.Id, url = $"/receipts/{receipt.Id}", document = receipt.Document }, System.Text.Json.JsonSerializerOptions.Web);
        return Results.Json(json);
    }

    private static bool IsTableType(string? mediaType) => mediaType?.ToLowerInvariant() is
        "text/csv" or "text/tab-separated-values" or "text/plain" or "application/octet-stream" or CheckDownloads.XlsxType;

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault() is { } best
        && best.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);

    private static IResult TooLarge() => Problem(TableProblem.TooLarge());

    private static IResult Problem(TableProblem problem) => Problem(problem.Status, problem.Code, problem.Message);

    private static IResult Problem(int status, string code, string detail) => ApiProblems.Result(status, Title(status), code, detail);

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The list is too large",
        StatusCodes.Status415UnsupportedMediaType => "The list is not in a format the registry reads",
        StatusCodes.Status503ServiceUnavailable => "The check cannot run right now",
        _ => "The list cannot be checked",
    };
}
