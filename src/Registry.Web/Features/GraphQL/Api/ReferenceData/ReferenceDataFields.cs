using GraphQL;
using GraphQL.Types;
using Registry.Domain.Geography;
using Registry.Domain.Levels;

namespace Registry.Web.Features.GraphQL.Api.ReferenceData;

/// <summary>Query.bodies, Query.schemes and Query.provinces: the short lists the filters and labels are made of.</summary>
internal static class ReferenceDataFields
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CertificationBodyGraphType>>>>("bodies")
            .Description("Every certification body the registry knows, by code.")
            .ResolveAsync(async c => await c.Service<RegistryDbContext>().Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(c.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchemeGraphType>>>>("schemes")
            .Description("The certification schemes and their level scales.").Resolve(_ => Schemes.All);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvinceGraphType>>>>("provinces")
            .Description("Province-level divisions, for the province filter.").Resolve(_ => Provinces.All);
    }
}
