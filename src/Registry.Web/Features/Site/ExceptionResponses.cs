using Microsoft.AspNetCore.Diagnostics;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.Site;

/// <summary>
/// What an exception that reached the top becomes. For a program (<see cref="ErrorResponses.WantsProblem"/>): an
/// RFC 9457 problem, never the HTML page. The database unreachable is 503 with Retry-After, for a person the
/// friendly page with that status; a change whose commit lost its answer says so (OUTCOME_UNKNOWN); a request the
/// server could not read (a body cut short) is the client's 400; anything else is a 500 with no detail. Nothing about the exception goes to the client; all of it goes to the log.
/// </summary>
internal sealed partial class ExceptionResponses(ILogger<ExceptionResponses> logger) : IExceptionHandler
{
    public static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException unreadable ? unreadable.StatusCode
        : DatabaseFaults.IsUnavailable(exception) || exception is CommitOutcomeUnknownException ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page; what was asked is in the feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : httpContext.Request.Path;
        var status = StatusOf(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // The pool's idle connections died with the server: dropped now, so that the first requests after it is
            // back do not each meet one of them.
            httpContext.RequestServices.GetService<Npgsql.NpgsqlDataSource>()?.Clear();
            LogUnavailable(exception.GetType().Name, path);
            ErrorResponses.SetRetryAfter(httpContext.Response, DatabaseFaults.RetryAfter);
        }
        else if (exception is BadHttpRequestException)
        {
            // The client's fault (a body cut short, a connection dropped mid-request): nothing for an operator to mend.
            LogUnreadable(exception.Message, path, status);
        }
        else
        {
            LogFailed(exception, path);
        }

        if (!ErrorResponses.WantsProblem(httpContext, path))
        {
            // The friendly page, re-executed by the exception handler middleware with this status.
            return false;
        }

        httpContext.Response.StatusCode = status;
        httpContext.Response.Headers.CacheControl = "no-store";
        var (title, code, detail) = exception switch
        {
            CommitOutcomeUnknownException => ("The registry could not confirm the change", PublishingErrorCodes.OutcomeUnknown,
                "The connection to the database failed while the change was committing, so the registry cannot tell whether it was applied. Send the same request again with the same Idempotency-Key: if it was applied, it is replayed, not applied twice."),
            BadHttpRequestException => ("The request could not be read", status == StatusCodes.Status413PayloadTooLarge ? "REQUEST_TOO_LARGE" : "BAD_REQUEST",
                "The request's body ended before its declared length, or broke the server's limits; nothing was changed. Send the whole request again."),
            _ when status == StatusCodes.Status503ServiceUnavailable => ("The registry is unavailable for a moment", "SERVICE_UNAVAILABLE",
                "The registry's database cannot be reached right now; nothing was changed. Try again after the time in Retry-After."),
            _ => ("The registry could not answer", "INTERNAL_ERROR",
                "Something went wrong on the registry's side; nothing was changed unless a result said so. Try again in a moment."),
        };
        await ApiProblems.Write(httpContext, status, title, code, detail);
        return true;
    }

    [LoggerMessage(EventId = 2901, Level = LogLevel.Warning, Message = "The database is unreachable ({Exception}); {Path} answered 503")]
    private partial void LogUnavailable(string exception, PathString path);

    [LoggerMessage(EventId = 2903, Level = LogLevel.Information, Message = "A request on {Path} could not be read ({Reason}); answered {Status}")]
    private partial void LogUnreadable(string reason, PathString path, int status);

    [LoggerMessage(EventId = 2902, Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private partial void LogFailed(Exception exception, PathString path);
}
