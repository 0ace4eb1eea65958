using Microsoft.AspNetCore.Diagnostics;
using Registry.Domain.Text;
using Registry.Web.Features.Site;

namespace Registry.Web.Features.Input;

/// <summary>The text rule at the first edge: the request's address, before routing hands any of it to a feature.</summary>
public static class InputExtensions
{
    public static WebApplication UseInputText(this WebApplication app)
    {
        app.Use(GuardAsync);
        return app;
    }

    private static Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        // The friendly error page re-executed for a refusal has the refused address no more.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && AddressText.Check(context) is { } refusal)
        {
            return ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "The request holds text the registry does not accept",
                InputText.InvalidTextCode, refusal.Message);
        }

        return next(context);
    }
}
