namespace Registry.Web.Features.Publishing.Api;

/// <summary>
/// Keeps the publishing API's errors in RFC 9457 form: the site's friendly HTML error pages are for people,
/// so under /api/publishing an empty error response (404 for an unknown route, 405) becomes a problem. Exceptions
/// become problems in the site's own handler (<see cref="Site.ExceptionResponses"/>).
/// </summary>
internal static class ApiErrorBoundary
{
    public static WebApplication UsePublishingApiErrors(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PublishingApi.Prefix, StringComparison.OrdinalIgnoreCase), api => api.Use(GuardAsync));
        return app;
    }

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        // An exception goes on to the site's handler (Site/ExceptionResponses), which answers API paths with a problem.
        await next(context);

        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } && string.IsNullOrEmpty(context.Response.ContentType))
        {
            var status = context.Response.StatusCode;
            await ApiKeys.ApiProblems.Write(context, status, status == StatusCodes.Status404NotFound ? "Not found" : "The request cannot be served",
                status == StatusCodes.Status404NotFound ? "NOT_FOUND" : status == StatusCodes.Status405MethodNotAllowed ? "METHOD_NOT_ALLOWED" : "HTTP_" + status,
                status == StatusCodes.Status404NotFound ? "No publishing route has this address; see the API's README." : "This route cannot be used that way.");
        }
    }
}
