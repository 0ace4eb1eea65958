namespace Registry.Web.Features.Publishing.Api;

/// <summary>
/// Keeps the publishing API's errors in RFC 9457 form: the site's friendly HTML error pages are for people,
/// so under /api/publishing an empty error response (404 for an unknown route, 405) becomes a problem, and an
/// unexpected exception a 500 problem without details (logged here, as the site's error page would).
/// </summary>
internal static partial class ApiErrorBoundary
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

        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrorBoundary)), e, context.Request.Path);
            context.Response.Clear();
            await ApiKeys.ApiProblems.Write(context, StatusCodes.Status500InternalServerError, "The registry could not answer", "INTERNAL_ERROR",
                "Something went wrong on the registry's side; nothing was changed unless a result said so. Try again in a moment.");
            return;
        }

        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } && string.IsNullOrEmpty(context.Response.ContentType))
        {
            var status = context.Response.StatusCode;
            await ApiKeys.ApiProblems.Write(context, status, status == StatusCodes.Status404NotFound ? "Not found" : "The request cannot be served",
                status == StatusCodes.Status404NotFound ? "NOT_FOUND" : status == StatusCodes.Status405MethodNotAllowed ? "METHOD_NOT_ALLOWED" : "HTTP_" + status,
                status == StatusCodes.Status404NotFound ? "No publishing route has this address; see the API's README." : "This route cannot be used that way.");
        }
    }

    [LoggerMessage(EventId = 2820, Level = LogLevel.Error, Message = "Publishing API request {Path} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, PathString path);
}
