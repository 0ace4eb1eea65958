using System.Collections.Concurrent;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Registry.Web.Features.GraphQL.Transport;

/// <summary>
/// Documents parsed and validated once, by their text: a client sends the same few documents with new variables
/// each time, and parsing and the schema rules cost more than running a look-up from memory. A document is kept
/// only after it passed validation; for a kept document only the rules that depend on variables run again (the cost
/// rule: a page size may be a variable). Bounded by total text size; past it, nothing more is kept until restart
/// (a hostile stream of distinct documents cannot grow it). GraphQL.NET's own cache (GraphQL.MemoryCache) is not
/// served by the package registry here, so this is its counterpart, on the engine's documented extension point.
/// </summary>
public sealed class ValidatedDocuments : IConfigureExecution
{
    /// <summary>Total characters of the documents kept.</summary>
    public const int MaxTotalCharacters = 2_000_000;

    /// <summary>A document longer than this is validated every time (a real client's documents are far smaller).</summary>
    public const int MaxDocumentCharacters = 20_000;

    private readonly ConcurrentDictionary<string, Kept> _documents = new(StringComparer.Ordinal);
    private long _characters;

    /// <summary>After the rule set is configured (GraphQL.NET's own rule additions run before 200).</summary>
    public float SortOrder => 200;

    public int Count => _documents.Count;

    /// <summary>The validated document kept for the text, if any.</summary>
    public bool TryGet(string query, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GraphQLDocument? document)
    {
        document = _documents.TryGetValue(query, out var kept) ? kept.Document : null;
        return document is not null;
    }

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Query is not { } query || options.Document is not { } document)
        {
            return await next(options);
        }

        var kept = _documents.TryGetValue(query, out var known) && ReferenceEquals(known.Document, document);
        if (kept)
        {
            // A cost that variables can change is measured again; a cost fixed by the text was measured when it was kept.
            options.ValidationRules = known!.CostDependsOnVariables ? options.CachedDocumentValidationRules ?? [] : [];
        }

        var result = await next(options);
        if (!kept && result.Executed && query.Length <= MaxDocumentCharacters
            && Interlocked.Read(ref _characters) + query.Length <= MaxTotalCharacters
            && _documents.TryAdd(query, new Kept(document, await VariableCost.DependsOnVariablesAsync(document))))
        {
            Interlocked.Add(ref _characters, query.Length);
        }

        return result;
    }

    private sealed record Kept(GraphQLDocument Document, bool CostDependsOnVariables);

    /// <summary>
    /// Whether a variable can change the document's cost: a page size (first) that is not a literal, or a directive
    /// (@include, @skip) that takes a variable. Anything else a variable feeds (a number, a search text) costs the same.
    /// </summary>
    private sealed class VariableCost : ASTVisitor<VariableCost.Context>
    {
        private static readonly VariableCost Instance = new();

        public static async ValueTask<bool> DependsOnVariablesAsync(GraphQLDocument document)
        {
            var context = new Context();
            await Instance.VisitAsync(document, context);
            return context.Depends;
        }

        protected override ValueTask VisitArgumentAsync(GraphQLArgument argument, Context context)
        {
            if (argument.Name.Value == "first" && argument.Value is not GraphQLIntValue)
            {
                context.Depends = true;
            }

            return base.VisitArgumentAsync(argument, context);
        }

        protected override ValueTask VisitDirectiveAsync(GraphQLDirective directive, Context context)
        {
            if (directive.Arguments?.Items.Any(a => a.Value is GraphQLVariable) == true)
            {
                context.Depends = true;
            }

            return base.VisitDirectiveAsync(directive, context);
        }

        public sealed class Context : IASTVisitorContext
        {
            public bool Depends { get; set; }

            public CancellationToken CancellationToken => CancellationToken.None;
        }
    }
}
