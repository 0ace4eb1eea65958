using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// /graphql over HTTP, following the GraphQL-over-HTTP specification: GET (query string; queries only) and
/// POST (JSON body); automatic persisted queries (a document's hash instead of the document, <see cref="PersistedQueries"/>);
/// application/graphql-response+json or application/json by the Accept header; the specification's status codes;
/// and the GraphiQL page for a browser. Anonymous GET answers without errors are kept by the page cache (the
/// graphql family, keyed by the query string and the registry's outbox position). Everything about HTTP lives here;
/// what the API answers lives in the schema.
/// </summary>
public sealed class GraphQLEndpoint(
    IDocumentExecuter executer,
    RequestReader reader,
    GraphQLResponses responses,
    IOptions<GraphQLApiOptions> options,
    ValidatedDocuments documents,
    PersistedQueries persistedQueries,
    WebSockets.TransportWsEndpoint webSockets)
{
    public async Task HandleAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.WebSockets.IsWebSocketRequest)
        {
            await webSockets.HandleAsync(http);
            return;
        }

        var request = http.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        ExecutionResult? parseFailure = null;
        var format = ResponseFormats.Choose(request.Headers.Accept, htmlAllowed: isGet);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await responses.RefuseAsync(http, new TransportProblem(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                "This endpoint takes GET (queries only) and POST."), format ?? ResponseFormat.Json);
            return;
        }

        if (format is not { } chosen)
        {
            await responses.RefuseAsync(http, new TransportProblem(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
                $"This endpoint answers {ResponseFormats.GraphQLResponseJson} or {ResponseFormats.Json}; the Accept header allows neither."), ResponseFormat.Json);
            return;
        }

        if (chosen == ResponseFormat.Html)
        {
            await GraphiQLPage.WriteAsync(http);
            return;
        }

        var limit = CallerLimits.MaxRequestBytes(http, options.Value);
        var (graphQLRequest, problem) = isGet
            ? reader.ReadQueryString(request.Query, limit)
            : await reader.ReadBodyAsync(request, limit, http.RequestAborted);
        if (problem is null && graphQLRequest is { } sent)
        {
            (graphQLRequest, problem) = await persistedQueries.ResolveAsync(sent, http.RequestAborted);
        }

        if (problem is not null || graphQLRequest is null)
        {
            await responses.RefuseAsync(http, problem!, chosen);
            return;
        }

        if ((documents.TryGet(graphQLRequest.Query, out var kept) ? kept : DocumentParser.TryParse(graphQLRequest.Query, out parseFailure)) is not { } document)
        {
            await responses.WriteAsync(http, parseFailure!, GraphQLResponses.StatusOf(parseFailure!, chosen), chosen);
            return;
        }

        // Found once: every rule below asks the same operation, and the engine is handed the same document.
        var operation = RequestedOperation.Find(document, graphQLRequest.OperationName);

        // The authenticated size limit is room for bulk publishing, not for anything else a key may send.
        if (graphQLRequest.BodyBytes > options.Value.MaxRequestBytes && !CallerLimits.MayExceedAnonymousSize(operation))
        {
            await responses.RefuseAsync(http, new TransportProblem(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"Only a bulkPublish mutation may be larger than {options.Value.MaxRequestBytes / 1024} KB; this request is {graphQLRequest.BodyBytes / 1024} KB."), chosen);
            return;
        }

        // The specification forbids running a mutation for a GET, which a crawler or a prefetch may send.
        if (isGet && operation.Kind == OperationType.Mutation)
        {
            http.Response.Headers.Allow = "POST";
            await responses.RefuseAsync(http, new TransportProblem(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed,
                "A mutation must be sent with POST."), chosen);
            return;
        }

        // Mutations are for certification bodies: without a valid key nothing runs (401, like any bearer-protected resource).
        var caller = http.PublishingCaller();
        if (caller is null && operation.Kind == OperationType.Mutation)
        {
            var presented = request.Headers.Authorization.Count > 0;
            http.Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
            await responses.RefuseAsync(http, new TransportProblem(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, presented
                ? "The API key was not accepted (malformed, unknown, expired or revoked). Mutations need a certification body's valid key."
                : "Mutations need a certification body's API key: send it as Authorization: Bearer srk_…."), chosen);
            return;
        }

        // A subscription needs a connection that stays open: graphql-transport-ws over a WebSocket at this same path.
        if (operation.Kind == OperationType.Subscription)
        {
            var refused = new ExecutionResult { Errors = [new ApiError(ErrorCodes.OperationNotSupported,
                "Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP.")] };
            await responses.WriteAsync(http, refused, GraphQLResponses.StatusOf(refused, chosen), chosen);
            return;
        }

        var result = await executer.ExecuteAsync(graphQLRequest.ToExecutionOptions(
            document, http.RequestServices, http.User, new RegistryUserContext(caller), http.RequestAborted));
        if (result.Executed)
        {
            await persistedQueries.RememberAsync(graphQLRequest);
        }

        await responses.WriteAsync(http, result, GraphQLResponses.StatusOf(result, chosen), chosen);
    }
}
