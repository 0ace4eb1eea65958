using GraphQLParser.AST;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Which operation of a document a request would run, found before execution so that a GET can be refused a
/// mutation without running anything. Null when the document does not name one unambiguously; the engine
/// then reports that itself.
/// </summary>
public static class OperationFinder
{
    public static GraphQLOperationDefinition? Find(GraphQLDocument document, string? operationName)
    {
        ArgumentNullException.ThrowIfNull(document);
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operationName is null)
        {
            return operations.Count == 1 ? operations[0] : null;
        }

        return operations.FirstOrDefault(o => o.Name is { } name && name.Value.Span.SequenceEqual(operationName));
    }
}
