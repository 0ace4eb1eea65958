using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.WatchLists;

/// <summary>
/// POST /watch: a bulk check's list (the result page's hidden <c>rows</c>) and an optional name become a watch list;
/// the answer is a 303 to its edit link, the one place that shows both links. GET /watch says what a watch list is.
/// </summary>
// No antiforgery token on saving: it acts for nobody (no account), and the rate limit bounds it; the edit forms have one.
[IgnoreAntiforgeryToken]
[RequestSizeLimit(CheckPageModel.MaxRequestBytes)]
[RequestFormLimits(ValueLengthLimit = CheckPageModel.MaxRequestBytes)]
public sealed class CreateModel(WatchListStore store) : PageModel
{
    public string? ProblemCode { get; private set; }

    public string? Problem { get; private set; }

    public bool Unavailable { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (Request.ContentLength > CheckPageModel.MaxRequestBytes)
        {
            return Refuse(TableProblem.TooLarge().Code, TableProblem.TooLarge().Message, StatusCodes.Status413PayloadTooLarge);
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or BadHttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Refuse(CheckPostedRows.Malformed.Code, CheckPostedRows.Malformed.Message, StatusCodes.Status400BadRequest);
        }

        var name = form["name"].ToString();
        if (WatchListStore.NameProblem(name) is { } nameProblem)
        {
            return Refuse("MALFORMED_NAME", nameProblem, StatusCodes.Status400BadRequest);
        }

        var (table, problem) = CheckPostedRows.Read(form[CheckPostedRows.Field].ToString());
        if (problem is not null)
        {
            return Refuse(problem.Code, problem.Message, problem.Status);
        }

        try
        {
            var (_, editToken, change) = await store.CreateAsync(table!, name, cancellationToken);
            if (change.Problem is { } refused)
            {
                return Refuse(refused.Code, refused.Message, refused.Status);
            }

            Response.Headers.Location = $"/watch/edit/{editToken}?saved={change.Added}&notFound={change.NotFound}";
            return StatusCode(StatusCodes.Status303SeeOther);
        }
        catch (CheckUnavailableException)
        {
            Unavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Site.ErrorResponses.SetRetryAfter(Response, TimeSpan.FromSeconds(5));
            return Page();
        }
    }

    private PageResult Refuse(string code, string message, int status)
    {
        ProblemCode = code;
        Problem = message;
        Response.StatusCode = status;
        return Page();
    }
}
