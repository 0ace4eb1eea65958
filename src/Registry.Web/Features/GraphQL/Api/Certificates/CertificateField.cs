using GraphQL;
using GraphQL.Types;
using Registry.Domain;
using Registry.Domain.Identifiers;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.Certificates.Caching;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Limits;
using Registry.Web.Features.GraphQL.Loaders;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

/// <summary>Query.certificate: one certificate by number, from the certificate cache or <see cref="CertificateQueries"/>.</summary>
internal static class CertificateField
{
    public static void AddTo(ObjectGraphType query) =>
        query.Field<CertificateGraphType>("certificate")
            .Description("A certificate by its number, typed any way (full-width, lower case, with or without separators); null when the registry holds none.")
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .WithComplexityImpact(CostLimitRule.LookupImpact)
            .ResolveAsync(async c => await FindAsync(c));

    private static async Task<object?> FindAsync(IResolveFieldContext context)
    {
        var typed = context.GetArgument<string>("number");
        if (!CertificateNumber.TryNormalize(typed, out var normalized, out var problem))
        {
            throw new ApiError(DomainErrorCodes.MalformedCertificateNumber, problem);
        }

        // From memory while the certificate cache is in step with the outbox (as the scan path does), else PostgreSQL.
        var record = await context.Service<CachedCertificateRecords>().FindAsync(normalized, lastKnownWhenUnreachable: false, context.CancellationToken);
        if (record is null)
        {
            return null;
        }

        context.Loaders().Prime(record);
        return record.Certificate;
    }
}
