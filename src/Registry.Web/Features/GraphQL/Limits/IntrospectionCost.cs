using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace Registry.Web.Features.GraphQL.Limits;

/// <summary>
/// What introspection costs under the cost rule. It reads the schema, not the registry, so one of its result nodes
/// costs a small fraction (<see cref="NodeWeight"/>) of a data field; but it is counted, with every list multiplied by
/// the longest that list is in this schema (all its types, the most fields of any type, …), so that the estimate is
/// an upper bound of the nodes the answer holds (a loose one: about 880,000 for graphql-js's standard schema query on
/// this schema, whose answer has a few thousand) and aliases multiply it like any field. That query costs about 1,750
/// of the 5,000 budget; six hundred aliased <c>__schema</c> fields cost two hundred times the budget, and what little
/// stays within it is bounded by the response size limit.
/// </summary>
public static class IntrospectionCost
{
    /// <summary>The cost of one introspection node against a data field's 1 (a reading of in-memory schema objects).</summary>
    public const double NodeWeight = 0.002;

    private static readonly ConditionalWeakTable<ISchema, ListSizes> Sizes = [];

    public static bool Applies(FieldImpactContext field) =>
        field.FieldDefinition.Name is "__schema" or "__type" or "__typename" || field.ParentType.Name.StartsWith("__", StringComparison.Ordinal);

    public static FieldComplexityResult Of(FieldImpactContext field)
    {
        if (field.FieldDefinition.Name == "__typename")
        {
            // Written by the engine from the type it already holds: free, in introspection and anywhere else.
            return new FieldComplexityResult(0, 0);
        }

        var sizes = Sizes.GetValue(field.ValidationContext.Schema, schema => new ListSizes(schema));
        var type = field.FieldDefinition.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.FieldDefinition.ResolvedType;
        return new FieldComplexityResult(NodeWeight, type is ListGraphType ? sizes.Of(field.FieldDefinition.Name) : 1);
    }

    /// <summary>The longest each introspection list is in one schema.</summary>
    private sealed class ListSizes
    {
        private readonly int _types;
        private readonly int _fields;
        private readonly int _arguments;
        private readonly int _enumValues;
        private readonly int _directives;

        public ListSizes(ISchema schema)
        {
            var types = schema.AllTypes.ToList();
            _types = types.Count;
            var fields = types.OfType<IComplexGraphType>().Select(t => t.Fields.Count).DefaultIfEmpty(0).Max();
            _fields = Math.Max(fields, 1);
            var fieldArguments = types.OfType<IComplexGraphType>().SelectMany(t => t.Fields).Select(f => f.Arguments?.Count ?? 0).DefaultIfEmpty(0).Max();
            var directiveArguments = schema.Directives.Select(d => d.Arguments?.Count ?? 0).DefaultIfEmpty(0).Max();
            _arguments = Math.Max(Math.Max(fieldArguments, directiveArguments), 1);
            _enumValues = Math.Max(types.OfType<EnumerationGraphType>().Select(e => e.Values.Count).DefaultIfEmpty(0).Max(), 1);
            _directives = Math.Max(schema.Directives.Count, 1);
        }

        public double Of(string list) => list switch
        {
            "fields" or "inputFields" => _fields,
            "args" => _arguments,
            "enumValues" => _enumValues,
            "directives" => _directives,
            "locations" => Enum.GetValues<GraphQLParser.AST.DirectiveLocation>().Length,
            // types, interfaces, possibleTypes, and any list a later version adds: at most every type.
            _ => _types,
        };
    }
}
