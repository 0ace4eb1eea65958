using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Web.Features.Input;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.Checks;

/// <summary>Which rows the result table shows.</summary>
public enum CheckFilter
{
    All,
    NeedsAttention,
    NotFound,
    NotValid,
}

/// <summary>The column the result table is sorted by.</summary>
public enum CheckSort
{
    Row,
    Status,
    Expiry,
    Asked,
}

/// <summary>
/// /check: paste a list or upload a file (GET shows the form, POST answers it). The answer carries the list it
/// read, as JSON in a hidden field, so that sorting, filtering and the downloads post it again: the registry keeps
/// nothing of a list between requests, and every answer is read afresh.
/// </summary>
// No antiforgery token: a check changes nothing on the server, so a forged cross-site post gains nothing.
[IgnoreAntiforgeryToken]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
public sealed class CheckPageModel(BulkChecker checker, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>A file at the limit, with the form around it.</summary>
    public const int MaxRequestBytes = TableLimits.MaxBytes + 256 * 1024;

    public const string RowsField = CheckPostedRows.Field;

    public CheckReport? Report { get; private set; }

    public TableProblem? Problem { get; private set; }

    public bool Unavailable { get; private set; }

    /// <summary>The list as read, for the hidden field that sorting, filtering and downloads post again.</summary>
    public string? RowsJson { get; private set; }

    public string Pasted { get; private set; } = string.Empty;

    public CheckFilter Show { get; private set; }

    public CheckSort Sort { get; private set; }

    public IReadOnlyList<CheckRowResult> Shown { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync() => await AnswerAsync(download: null);

    public async Task<IActionResult> OnPostDownloadAsync() =>
        await AnswerAsync(download: Request.Query["format"] == "xlsx" ? "xlsx" : "csv");

    private async Task<IActionResult> AnswerAsync(string? download)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var (table, problem) = await ReadAsync(cancellationToken);
        if (problem is not null)
        {
            Problem = problem;
            Response.StatusCode = problem.Status;
            return Page();
        }

        try
        {
            Report = await checker.CheckAsync(table!, cancellationToken);
        }
        catch (CheckUnavailableException)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Site.ErrorResponses.SetRetryAfter(Response, TimeSpan.FromSeconds(5));
            return Page();
        }

        if (download is not null)
        {
            return download == "xlsx"
                ? File(CheckDownloads.Xlsx(Report, text), CheckDownloads.XlsxType, CheckDownloads.FileName(Report, "xlsx"))
                : File(CheckDownloads.Csv(Report, text), CheckDownloads.CsvType, CheckDownloads.FileName(Report, "csv"));
        }

        RowsJson = CheckPostedRows.Write(table!);
        Show = Enum.TryParse<CheckFilter>(Request.Form["show"], out var show) ? show : CheckFilter.All;
        Sort = Enum.TryParse<CheckSort>(Request.Form["sort"], out var sort) ? sort : CheckSort.Row;
        Shown = Arrange(Report.Rows, Show, Sort);
        return Page();
    }

    /// <summary>The rows posted again (hidden field), else the uploaded file, else the pasted text.</summary>
    private async Task<(TextTable? Table, TableProblem? Problem)> ReadAsync(CancellationToken cancellationToken)
    {
        if (!Request.HasFormContentType)
        {
            return (null, CheckPostedRows.Malformed);
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TableProblem.TooLarge());
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or BadHttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return (null, CheckPostedRows.Malformed);
        }

        Pasted = form["list"].ToString();
        if (form[RowsField].ToString() is { Length: > 0 } posted)
        {
            return CheckPostedRows.Read(posted);
        }

        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            await using var stream = file.OpenReadStream();
            var bytes = await CappedBody.ReadAsync(stream, TableLimits.MaxBytes, cancellationToken);
            return bytes is null
                ? (null, TableProblem.TooLarge())
                : TableFile.Read(bytes, CheckRows.MaxRows);
        }

        if (Pasted.Trim().Length == 0)
        {
            return (null, TableProblem.Unreadable("EMPTY_LIST", "The list is empty: give one company name, credit code or certificate number per row."));
        }

        return Domain.Text.InputText.Check(Pasted, "The list", Domain.Text.TextShape.MultiLine) is { } refusal
            ? (null, TableProblem.Unreadable(refusal.Code, refusal.Message))
            : TableFile.ReadPasted(Pasted, CheckRows.MaxRows);
    }

    private static List<CheckRowResult> Arrange(IReadOnlyList<CheckRowResult> rows, CheckFilter show, CheckSort sort)
    {
        var shown = rows.Where(r => show switch
        {
            CheckFilter.NeedsAttention => r.NeedsAttention,
            CheckFilter.NotFound => r.Matches.Count == 0,
            CheckFilter.NotValid => r.Matches.Count == 0 || r.Matches.Any(m => m.Status != CertificateStatus.Valid),
            _ => true,
        });
        return sort switch
        {
            CheckSort.Status => [.. shown.OrderBy(r => r.Matches.Count == 0 ? int.MaxValue : r.Matches.Min(m => StatusOrder(m.Status))).ThenBy(r => r.Row)],
            CheckSort.Expiry => [.. shown.OrderBy(r => r.Matches.Count == 0 ? DateOnly.MaxValue : r.Matches.Min(m => m.ExpiresOn)).ThenBy(r => r.Row)],
            CheckSort.Asked => [.. shown.OrderBy(r => r.Asked, StringComparer.Ordinal).ThenBy(r => r.Row)],
            _ => [.. shown.OrderBy(r => r.Row)],
        };
    }

    // The loud answers first: a withdrawn bidder is what the reader must not miss.
    private static int StatusOrder(CertificateStatus status) => status switch
    {
        CertificateStatus.Withdrawn => 0,
        CertificateStatus.Suspended => 1,
        CertificateStatus.Cancelled => 2,
        CertificateStatus.Expired => 3,
        CertificateStatus.NotIssued => 4,
        _ => 5,
    };
}
