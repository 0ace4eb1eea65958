using GraphQLParser.AST;

namespace Registry.Web.Features.GraphQL.Limits;

/// <summary>
/// How deeply an operation nests its fields: the number of fields on its longest path, leaf included,
/// through fragments and inline fragments. Introspection (__schema, __type) is not counted: its standard
/// query nests type references deeply by design, and it reads the schema, not the registry.
/// </summary>
public static class SelectionDepth
{
    public static int Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(operation);
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return Deepest(operation.SelectionSet, fragments, []);
    }

    private static int Deepest(GraphQLSelectionSet? selections, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> entered)
    {
        if (selections is null)
        {
            return 0;
        }

        var deepest = 0;
        foreach (var selection in selections.Selections)
        {
            var depth = selection switch
            {
                GraphQLField field when field.Name.Value.Span.StartsWith("__") => 0,
                GraphQLField field => 1 + Deepest(field.SelectionSet, fragments, entered),
                GraphQLInlineFragment inline => Deepest(inline.SelectionSet, fragments, entered),
                GraphQLFragmentSpread spread => ThroughFragment(spread.FragmentName.Name.StringValue, fragments, entered),
                _ => 0,
            };
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }

    // A fragment that spreads itself is refused by the spec's own rule; here it only must not loop.
    private static int ThroughFragment(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, HashSet<string> entered)
    {
        if (!fragments.TryGetValue(name, out var fragment) || !entered.Add(name))
        {
            return 0;
        }

        var depth = Deepest(fragment.SelectionSet, fragments, entered);
        entered.Remove(name);
        return depth;
    }
}
