using System.Security.Claims;
using GraphQL;
using GraphQLParser.AST;
using Registry.Web.Features.GraphQL.Api.Mutations;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>The four parameters of a GraphQL-over-HTTP request, however they arrived (JSON body, query string, a WebSocket message).</summary>
public sealed record GraphQLHttpRequest(string Query, Inputs? Variables, string? OperationName, Inputs? Extensions)
{
    /// <summary>The size of the body it came in (0 for a query string or a WebSocket message), for the size rules that depend on the operation.</summary>
    public int BodyBytes { get; init; }

    /// <summary>The persisted-query hash the document came with, to keep once it has run (<see cref="PersistedQueries"/>).</summary>
    public string? PersistedHash { get; init; }

    /// <summary>How every transport hands a parsed request to the engine, with the caller (if any) as the user context.</summary>
    public ExecutionOptions ToExecutionOptions(GraphQLDocument document, IServiceProvider services, ClaimsPrincipal user,
        RegistryUserContext userContext, CancellationToken cancellationToken) => new()
    {
        Query = Query,
        Document = document,
        Variables = Variables,
        OperationName = OperationName,
        Extensions = Extensions,
        RequestServices = services,
        User = user,
        UserContext = userContext,
        CancellationToken = cancellationToken,
    };
}

/// <summary>Why a request was refused before GraphQL saw it: an HTTP status, a stable code, a sentence.</summary>
public sealed record TransportProblem(int Status, string Code, string Message);
