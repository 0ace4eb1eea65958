using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Registry.Web.Features.Site;

/// <summary>The friendly page for every error status; never shows exception details.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    /// <summary>What exactly was refused, when the refusal said (<see cref="ErrorResponses.DetailItem"/>).</summary>
    public string? Detail { get; private set; }

    public void OnGet() => Show(RouteCode());

    // No parameters: a re-executed POST still carries its body, which may be a broken form, and binding any
    // parameter would read it.
    public void OnPost() => Show(RouteCode());

    private int RouteCode() =>
        int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 500;

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        // The exception itself was logged by ExceptionResponses; its status (500, or 503 for the database) is the response's.
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            Code = Response.StatusCode is >= 500 and <= 599 ? Response.StatusCode : 500;
        }

        // Only an error re-executed from another request keeps its status; a direct visit to /error/418 is a 404.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = reExecuted ? Code : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        Detail = reExecuted ? HttpContext.Items[ErrorResponses.DetailItem] as string : null;
        if (Code == StatusCodes.Status503ServiceUnavailable && !Response.Headers.ContainsKey("Retry-After"))
        {
            ErrorResponses.SetRetryAfter(Response, DatabaseFaults.RetryAfter);
        }

        (Title, Explanation) = Code switch
        {
            400 => (text["The request could not be understood"].Value, text["Something in the address or the form is malformed. Check it and try again."].Value),
            404 => (text["Not found"].Value, text["The registry has no page at this address."].Value),
            405 => (text["Not allowed"].Value, text["This page cannot be used that way."].Value),
            429 => (text["Too many requests"].Value, text["This address has sent more requests than the registry answers for one caller. Please wait a moment and try again."].Value),
            503 => (text["The registry is unavailable for a moment"].Value, text["The registry's database cannot be reached right now. Nothing you sent was changed; please try again in a few seconds."].Value),
            _ when Code >= 500 => (text["The registry could not answer"].Value, text["Something went wrong on our side. Please try again in a moment."].Value),
            _ => (text["The request could not be served"].Value, text["Please check the address and try again."].Value),
        };
    }
}
