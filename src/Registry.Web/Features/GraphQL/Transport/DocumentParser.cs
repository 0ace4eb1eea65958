using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Parses a request's document, for HTTP and the WebSocket alike, with a nesting limit of its own: a hostile
/// document of a few hundred bytes nests as deep as it likes, and every level costs the recursive parser a
/// stack frame. Past the limit the document is refused like any other that does not parse.
/// </summary>
public static class DocumentParser
{
    /// <summary>
    /// AST levels, not selection levels: a field nested in a field counts two (the field and its selection set).
    /// Far above what the depth rule allows (<see cref="GraphQLApiOptions.MaxDepth"/>) and GraphiQL's schema query.
    /// </summary>
    public const int MaxDepth = 64;

    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.Comments, MaxDepth = MaxDepth };

    /// <summary>The document, or the failure to answer with (<see cref="ErrorCodes.ParseFailed"/>).</summary>
    public static GraphQLDocument? TryParse(string query, out ExecutionResult? failure)
    {
        failure = null;
        try
        {
            return Parser.Parse(query, Options);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            failure = new ExecutionResult { Errors = [new ApiError(ErrorCodes.ParseFailed,
                $"The document nests deeper than the parser's limit of {MaxDepth} levels.")] };
        }
        catch (GraphQLSyntaxErrorException syntax)
        {
            failure = new ExecutionResult { Errors = [new SyntaxError(syntax)] };
        }

        return null;
    }
}
