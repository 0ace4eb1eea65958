using GraphQL;
using GraphQL.Types;
using Registry.Domain.Identifiers;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Limits;

namespace Registry.Web.Features.GraphQL.Api.Organisations;

/// <summary>Query.organisation: a certified company by its unified social credit code.</summary>
internal static class OrganisationField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<OrganisationGraphType>("organisation")
            .Description("A certified company by its unified social credit code, typed any way; null when the registry holds none.")
            .Argument<NonNullGraphType<StringGraphType>>("creditCode")
            .WithComplexityImpact(CostLimitRule.LookupImpact)
            .ResolveAsync(async c => await FindAsync(c));

    private static async Task<object?> FindAsync(IResolveFieldContext context)
    {
        if (!CreditCode.TryParse(context.GetArgument<string>("creditCode"), out var code, out var failure))
        {
            throw new ApiError(failure.Code, failure.Message);
        }

        return await context.Service<RegistryDbContext>().Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.CreditCode == code.Value, context.CancellationToken);
    }
}
