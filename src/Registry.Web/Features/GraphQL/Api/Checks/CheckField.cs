using GraphQL;
using GraphQL.Types;
using Registry.Web.Features.Checks;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Limits;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.GraphQL.Api.Checks;

/// <summary>Query.check: a bidder list answered as /check and POST /api/check answer it (<see cref="BulkChecker"/>).</summary>
internal static class CheckField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<NonNullGraphType<CheckReportGraphType>>("check")
            .Description("Check a list of up to 1,000 bidders at once: each row a company name, credit code or certificate number (or several cells, the first row may be column names), answered with the status now.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>>>("rows",
                a => a.Description = "The rows, each a list of its cells.")
            .WithComplexityImpact(CostLimitRule.SearchImpact)
            .ResolveAsync(async c => await CheckAsync(c));

    private static async Task<object?> CheckAsync(IResolveFieldContext context)
    {
        var rows = context.GetArgument<List<List<string>>>("rows");
        var (table, problem) = TableFile.FromCells(rows.Select(r => (IReadOnlyList<string>)r), CheckRows.MaxRows);
        if (problem is not null)
        {
            throw new ApiError(problem.Code, problem.Message);
        }

        try
        {
            return await context.Service<BulkChecker>().CheckAsync(table!, context.CancellationToken);
        }
        catch (CheckUnavailableException e)
        {
            throw new ApiError("INDEX_NOT_READY", e.Message);
        }
    }
}
