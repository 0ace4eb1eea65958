using GraphQLParser.AST;

namespace Registry.Web.Features.GraphQL.Limits;

/// <summary>
/// How many times an operation asks for the whole schema (<c>__schema</c>) or one type (<c>__type</c>), aliases and
/// fragments included. A client needs the schema once; asked hundreds of times in one document, it is only an
/// amplifier, refused before anything runs whatever its estimated cost.
/// </summary>
public static class IntrospectionRoots
{
    public const int MaxSchemas = 1;
    public const int MaxTypes = 20;

    public static (int Schemas, int Types) Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(operation);
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var schemas = 0;
        var types = 0;
        Count(operation.SelectionSet, fragments, [], ref schemas, ref types);
        return (schemas, types);
    }

    // Root fields only: the meta-fields exist on the query type, reached directly or through fragments on it.
    private static void Count(GraphQLSelectionSet selections, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> entered,
        ref int schemas, ref int types)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field when field.Name.Value.Span.SequenceEqual("__schema"):
                    schemas++;
                    break;
                case GraphQLField field when field.Name.Value.Span.SequenceEqual("__type"):
                    types++;
                    break;
                case GraphQLInlineFragment inline:
                    Count(inline.SelectionSet, fragments, entered, ref schemas, ref types);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                    && entered.Add(spread.FragmentName.Name.StringValue):
                    Count(fragment.SelectionSet, fragments, entered, ref schemas, ref types);
                    entered.Remove(spread.FragmentName.Name.StringValue);
                    break;
            }
        }
    }
}
