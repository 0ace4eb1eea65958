using Microsoft.AspNetCore.Mvc;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input;
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
public sealed class CreateModel(WatchListStore store) : FormPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ReadFormAsync(CheckPageModel.MaxRequestBytes, cancellationToken) is not { } form)
        {
            return Page();
        }

        var name = form["name"].ToString();
        if (WatchListStore.NameProblem(name) is { } nameProblem)
        {
            return Refuse("MALFORMED_NAME", nameProblem);
        }

        var (table, problem) = CheckPostedRows.Read(form[CheckPostedRows.Field].ToString());
        if (problem is not null)
        {
            return Refuse(problem);
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
            return NotReady();
        }
    }
}
