using GraphQLParser.AST;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Which operation of a document a request would run, found once before execution so that every transport rule
/// (no mutation over GET or the WebSocket, mutations need a key, the bulk size allowance, subscriptions only over
/// the WebSocket) asks the same answer. <see cref="Definition"/> is null when the document does not name one
/// unambiguously; the engine then reports that itself.
/// </summary>
public readonly record struct RequestedOperation(GraphQLOperationDefinition? Definition)
{
    /// <summary>Query, mutation or subscription; null when no single operation was found.</summary>
    public OperationType? Kind => Definition?.Operation;

    public static RequestedOperation Find(GraphQLDocument document, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operationName is null)
        {
            return new(operations.Count == 1 ? operations[0] : null);
        }

        return new(operations.FirstOrDefault(o => o.Name is { } name && name.Value.Span.SequenceEqual(operationName)));
    }
}
