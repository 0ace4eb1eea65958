using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Web.Features.Checks;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.Input;

/// <summary>
/// A page that takes a form and answers a bad one on the page itself: a stable code and a sentence
/// (<see cref="ProblemCode"/>, <see cref="Problem"/>) with the fitting status, and nothing changed.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public string? ProblemCode { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>This instance cannot answer yet (its search index is loading): 503 with Retry-After.</summary>
    public bool Unavailable { get; private set; }

    /// <summary>The posted form, or null after refusing it (too large: 413; cut off or unreadable: 400).</summary>
    protected async Task<IFormCollection?> ReadFormAsync(int maxBytes, CancellationToken cancellationToken)
    {
        if (Request.ContentLength > maxBytes)
        {
            Refuse(TableProblem.TooLarge());
            return null;
        }

        if (!Request.HasFormContentType)
        {
            Refuse(CheckPostedRows.Malformed);
            return null;
        }

        try
        {
            return await Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Refuse(TableProblem.TooLarge());
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or BadHttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            Refuse(CheckPostedRows.Malformed);
            return null;
        }
    }

    protected PageResult Refuse(TableProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Refuse(problem.Code, problem.Message, problem.Status);
    }

    protected PageResult Refuse(string code, string message, int status = StatusCodes.Status400BadRequest)
    {
        ProblemCode = code;
        Problem = message;
        Response.StatusCode = status;
        return Page();
    }

    protected PageResult NotReady()
    {
        Unavailable = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Site.ErrorResponses.SetRetryAfter(Response, TimeSpan.FromSeconds(5));
        return Page();
    }
}
