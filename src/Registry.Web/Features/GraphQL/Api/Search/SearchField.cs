using GraphQL;
using GraphQL.Types;
using Registry.Domain.Geography;
using Registry.Domain.Levels;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Limits;
using Registry.Web.Features.GraphQL.Paging;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.GraphQL.Api.Search;

/// <summary>
/// The search field: arguments in, the site's own <see cref="SearchService"/> run once for the window the
/// cursor names, a connection out. The search's problems become errors with the search's own codes.
/// </summary>
internal static class SearchField
{
    /// <summary>Values per filter, as on the search page.</summary>
    public const int MaxFilterValues = 50;

    public static void AddTo(ObjectGraphType query) =>
        query.Field<SearchConnectionGraphType>("search")
            .Description("Search by name (Chinese or English, simplified or traditional), certificate number or credit code, with filters and facet counts.")
            .Argument<StringGraphType>("text", a => a.Description = "What a person would type in the search box; blank browses the filters.")
            .Argument<SearchFilterInputGraphType>("filter")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageRequest.DefaultSize)
            .Argument<StringGraphType>("after")
            .WithComplexityImpact(CostLimitRule.SearchImpact)
            .ResolveAsync(async c => await RunAsync(c));

    private static async Task<SearchPage?> RunAsync(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = PageRequest.From(context);
        var filter = context.GetArgument<SearchFilter?>("filter") ?? new SearchFilter();
        CheckFilter(filter);

        // Never past the depth the search lets anyone page to; an empty window still asks for one hit, for the counts.
        var size = Math.Min(page.Size, Math.Max(SearchRequest.MaxDepth - page.Offset, 0));
        var request = new SearchRequest
        {
            Text = context.GetArgument<string?>("text"),
            Statuses = filter.Statuses ?? [],
            Levels = filter.Levels ?? [],
            Bodies = filter.Bodies ?? [],
            Provinces = filter.Provinces ?? [],
            ExpiresFrom = filter.ExpiresFrom,
            ExpiresTo = filter.ExpiresTo,
            Offset = Math.Min(page.Offset, SearchRequest.MaxDepth - 1),
            PageSize = Math.Max(size, 1),
            CountFacets = AsksForFacets(context),
        };

        var outcome = await context.Service<SearchService>().SearchAsync(request, context.CancellationToken);
        if (outcome.Problems.Count > 0)
        {
            var problem = outcome.Problems[0];
            throw new ApiError(problem.Code, problem.Message);
        }

        if (outcome.IndexNotReady || outcome.Results is not { } results)
        {
            throw new ApiError(ErrorCodes.SearchNotReady, "The search index is being built; try again in a few seconds.");
        }

        var hits = results.Hits.Take(size).ToList();
        return new SearchPage(ConnectionPages.Of(hits, page.Offset, results.TotalHits, SearchRequest.MaxDepth), results);
    }

    /// <summary>Whether the selection may reach facets: named directly, or behind a fragment (not looked into).</summary>
    private static bool AsksForFacets(IResolveFieldContext context) =>
        context.FieldAst.SelectionSet?.Selections.Any(s => s is not GraphQLParser.AST.GraphQLField field || field.Name.Value == "facets") ?? true;

    private static void CheckFilter(SearchFilter filter)
    {
        if (filter.Statuses?.Contains(CertificateStatus.NotIssued) == true)
        {
            throw new ApiError(SearchProblem.BadFilter, "NOT_ISSUED is not a status the search can filter by.");
        }

        foreach (var (name, values) in new[] { ("statuses", filter.Statuses?.Count), ("levels", filter.Levels?.Count), ("bodies", filter.Bodies?.Count), ("provinces", filter.Provinces?.Count) })
        {
            if (values > MaxFilterValues)
            {
                throw new ApiError(SearchProblem.BadFilter, $"A filter takes at most {MaxFilterValues} values; {name} has {values}.");
            }
        }

        // The values the search page accepts, so that a typo is an error rather than an empty result.
        Require(filter.Levels, "levels", level => Schemes.Default.FindLevel(level) is not null);
        Require(filter.Provinces, "provinces", province => Provinces.FromCode(province) is not null);
        Require(filter.Bodies, "bodies", body => body.Length is > 0 and <= 32 && body.All(char.IsAsciiLetterOrDigit));
    }

    private static void Require(IReadOnlyList<string>? values, string name, Func<string, bool> valid)
    {
        if (values?.FirstOrDefault(v => !valid(v)) is { } bad)
        {
            throw new ApiError(SearchProblem.BadFilter, $"“{(bad.Length > 30 ? bad[..30] + "…" : bad)}” is not a valid value for {name}.");
        }
    }
}
