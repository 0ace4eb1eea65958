using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Registry.Domain;
using Registry.Domain.Geography;
using Registry.Domain.Identifiers;
using Registry.Domain.Levels;
using Registry.Signing.Payloads;
using Registry.Web.Data;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.GraphQL.Limits;
using Registry.Web.Features.GraphQL.Loaders;
using Registry.Web.Features.GraphQL.Paging;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>The public, read-only root: anyone may ask these, without a key.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Field<CertificateGraphType>("certificate")
            .Description("A certificate by its number, typed any way (full-width, lower case, with or without separators); null when the registry holds none.")
            .Argument<NonNullGraphType<StringGraphType>>("number")
            .WithComplexityImpact(CostLimitRule.LookupImpact)
            .ResolveAsync(async c => await FindCertificateAsync(c));
        Field<SearchConnectionGraphType>("search")
            .Description("Search by name (Chinese or English, simplified or traditional), certificate number or credit code, with filters and facet counts.")
            .Argument<StringGraphType>("text", a => a.Description = "What a person would type in the search box; blank browses the filters.")
            .Argument<SearchFilterInputGraphType>("filter")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageRequest.DefaultSize)
            .Argument<StringGraphType>("after")
            .WithComplexityImpact(CostLimitRule.SearchImpact)
            .ResolveAsync(async c => await CertificateSearch.RunAsync(c));
        Field<OrganisationGraphType>("organisation")
            .Description("A certified company by its unified social credit code, typed any way; null when the registry holds none.")
            .Argument<NonNullGraphType<StringGraphType>>("creditCode")
            .WithComplexityImpact(CostLimitRule.LookupImpact)
            .ResolveAsync(async c => await FindOrganisationAsync(c));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CertificationBodyGraphType>>>>("bodies")
            .Description("Every certification body the registry knows, by code.")
            .ResolveAsync(async c => await c.Service<RegistryDbContext>().Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SchemeGraphType>>>>("schemes")
            .Description("The certification schemes and their level scales.").Resolve(_ => Schemes.All);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProvinceGraphType>>>>("provinces")
            .Description("Province-level divisions, for the province filter.").Resolve(_ => Provinces.All);
        Field<NonNullGraphType<VerdictGraphType>>("verify")
            .Description("The verdict on a scanned QR code (a /V/ link or the bare payload), exactly as the verify page gives it.")
            .Argument<NonNullGraphType<StringGraphType>>("payload")
            .WithComplexityImpact(CostLimitRule.LookupImpact)
            .ResolveAsync(async c => await VerifyAsync(c));
        AuditLog.AuditLogField.AddTo(this);
    }

    private static async Task<object?> FindCertificateAsync(IResolveFieldContext context)
    {
        var typed = context.GetArgument<string>("number");
        if (!CertificateNumber.TryNormalize(typed, out var normalized, out var problem))
        {
            throw new ApiError(DomainErrorCodes.MalformedCertificateNumber, problem);
        }

        var record = await context.Service<CertificateQueries>().FindAsync(normalized, context.CancellationToken);
        if (record is null)
        {
            return null;
        }

        context.Loaders().Prime(record);
        return record.Certificate;
    }

    private static async Task<object?> FindOrganisationAsync(IResolveFieldContext context)
    {
        if (!CreditCode.TryParse(context.GetArgument<string>("creditCode"), out var code, out var failure))
        {
            throw new ApiError(failure.Code, failure.Message);
        }

        return await context.Service<RegistryDbContext>().Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.CreditCode == code.Value, context.CancellationToken);
    }

    // The same checks as /api/verify, before anything is decoded: nothing given, or more than any code can be.
    private static async Task<object?> VerifyAsync(IResolveFieldContext context)
    {
        var payload = context.GetArgument<string>("payload");
        if (string.IsNullOrEmpty(payload))
        {
            throw new ApiError(ErrorCodes.PayloadRequired, "Nothing to verify: give the scanned text (a /V/ link or the bare payload).");
        }

        if (payload.Length > PayloadLimits.MaxScannedTextLength)
        {
            throw new ApiError(ErrorCodes.PayloadTooLarge, $"A code the registry prints has at most {PayloadLimits.MaxScannedTextLength} characters; this has {payload.Length}.");
        }

        return await context.Service<IVerifier>().VerifyAsync(payload, context.CancellationToken);
    }
}
