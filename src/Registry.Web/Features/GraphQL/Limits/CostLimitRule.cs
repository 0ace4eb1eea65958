using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Paging;

namespace Registry.Web.Features.GraphQL.Limits;

/// <summary>
/// Refuses a document before anything runs when it nests deeper than <see cref="GraphQLApiOptions.MaxDepth"/>
/// (<see cref="SelectionDepth"/>)
/// or its estimated cost exceeds <see cref="GraphQLApiOptions.MaxComplexity"/>. The estimate is GraphQL.NET's:
/// each field costs 1 and a list multiplies its children by its page size (first), or by 5 when it has none.
/// Introspection is counted at a fraction of a data field per result node (<see cref="IntrospectionCost"/>); the
/// registry's look-ups cost more than a plain field (<see cref="LookupImpact"/>), so that aliasing them is bounded.
/// A page size above the maximum counts as the maximum here, so that such a request is refused for its page
/// size (<see cref="ErrorCodes.PageSizeOutOfRange"/>) rather than for a cost it never gets to incur.
/// </summary>
public sealed class CostLimitRule(GraphQLApiOptions options) : ComplexityValidationRule(Configure(options))
{
    /// <summary>
    /// A root look-up (certificate, organisation, verify, auditLog: a query of its own, or a signature check) against a
    /// plain field's 1; a search costs <see cref="SearchImpact"/>. At the default budget a request holds at most a few
    /// hundred look-ups, however it aliases them.
    /// </summary>
    public const double LookupImpact = 10;

    public const double SearchImpact = 25;

    private readonly int _maxDepth = options.MaxDepth;
    private readonly int _maxComplexity = options.MaxComplexity;

    /// <summary>
    /// An operation type the schema lacks (a mutation, before there are any) has nothing to measure; the
    /// engine refuses it on its own with <see cref="ErrorCodes.OperationNotSupported"/>. The library's analyser
    /// would throw instead, which would turn a client's mistake into a server error.
    /// </summary>
    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        IObjectGraphType? root = context.Operation.Operation switch
        {
            OperationType.Query => context.Schema.Query,
            OperationType.Mutation => context.Schema.Mutation,
            _ => context.Schema.Subscription,
        };
        return root is null ? default : base.GetPostNodeVisitorAsync(context);
    }

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The library's depth counts introspection too, which GraphiQL's own schema query would exceed.
        var depth = SelectionDepth.Of(context.Document, context.Operation);
        var (schemas, types) = IntrospectionRoots.Of(context.Document, context.Operation);
        if (schemas > IntrospectionRoots.MaxSchemas || types > IntrospectionRoots.MaxTypes)
        {
            context.ReportError(new LimitError(ErrorCodes.MaxComplexityExceeded,
                $"The operation asks for __schema {schemas} times and __type {types} times; at most {IntrospectionRoots.MaxSchemas} and {IntrospectionRoots.MaxTypes} are allowed."));
        }
        else if (depth > _maxDepth)
        {
            context.ReportError(new LimitError(ErrorCodes.MaxDepthExceeded,
                $"The operation nests {depth} levels deep; at most {_maxDepth} are allowed."));
        }
        else if (totalComplexity > _maxComplexity)
        {
            context.ReportError(new LimitError(ErrorCodes.MaxComplexityExceeded,
                $"The operation's estimated cost is {Math.Ceiling(totalComplexity)}; at most {_maxComplexity} is allowed. Ask for smaller pages or fewer nested lists."));
        }

        return ValueTask.CompletedTask;
    }

    private static ComplexityOptions Configure(GraphQLApiOptions options)
    {
        // The limits are checked above, with our own codes; the library's own check stays off.
        var complexity = new ComplexityOptions { MaxDepth = null, MaxComplexity = null };
        var standard = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = field =>
        {
            if (IntrospectionCost.Applies(field))
            {
                return IntrospectionCost.Of(field);
            }

            var estimate = standard(field);
            return new FieldComplexityResult(estimate.FieldImpact, Math.Min(estimate.ChildImpactMultiplier, PageRequest.MaxSize));
        };
        return complexity;
    }
}
