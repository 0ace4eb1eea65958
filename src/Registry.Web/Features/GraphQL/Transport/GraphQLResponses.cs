using GraphQL;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Writes every answer of the endpoint, results and refusals alike, as a GraphQL response, so that a client
/// always finds errors[].extensions.code, whatever went wrong.
/// </summary>
public sealed class GraphQLResponses(IGraphQLSerializer serializer)
{
    public Task WriteAsync(HttpContext http, ExecutionResult result, int status, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        http.Response.ContentType = ResponseFormats.ContentType(format);
        // Statuses change at any moment and a withdrawal must show at once: no cache may keep an answer.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = "Accept";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    public Task RefuseAsync(HttpContext http, TransportProblem problem, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var result = new ExecutionResult { Errors = [new ApiError(problem.Code, problem.Message)] };
        return WriteAsync(http, result, problem.Status, format);
    }

    /// <summary>
    /// The status the GraphQL-over-HTTP specification gives a result. With application/json every well-formed
    /// request gets 200. With application/graphql-response+json a request that never ran (a document that
    /// does not parse or validate, variables that do not fit) is the client's error, 400, unless the only
    /// reason is the server's own failure.
    /// </summary>
    public static int StatusOf(ExecutionResult result, ResponseFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (format == ResponseFormat.Json || result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        var codes = result.Errors?.Select(RegistryErrorInfoProvider.CodeOf).ToList() ?? [];
        return codes.Count > 0 && codes.All(c => c is ErrorCodes.InternalError or ErrorCodes.Timeout)
            ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status400BadRequest;
    }
}
