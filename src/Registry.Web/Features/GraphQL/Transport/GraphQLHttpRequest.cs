using GraphQL;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>The four parameters of a GraphQL-over-HTTP request, however they arrived (JSON body or query string).</summary>
public sealed record GraphQLHttpRequest(string Query, Inputs? Variables, string? OperationName, Inputs? Extensions);

/// <summary>Why a request was refused before GraphQL saw it: an HTTP status, a stable code, a sentence.</summary>
public sealed record TransportProblem(int Status, string Code, string Message);
