using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Registry.Signing.Claims;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.QrCodes;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.GraphQL.Loaders;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.GraphQL.Api.Verification;

/// <summary>The verify page's verdict, field for field as the REST answer (/api/verify) gives it.</summary>
public sealed class VerdictGraphType : ObjectGraphType<Verdict>
{
    public VerdictGraphType()
    {
        Name = "Verdict";
        Description = "What the registry says of a scanned code: signature first, then the registry's status now.";
        Field<NonNullGraphType<VerdictKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<InstantGraphType>>("asOf").Description("When the status was read from the registry.").Resolve(c => c.Source.AsOf);
        Field<CertificateStatusGraphType>("status").Resolve(c => c.Source.Status);
        Field<CalendarDateGraphType>("since").Resolve(c => c.Source.StatusSince);
        Field<StringGraphType>("reason").Resolve(c => c.Source.StatusReason);
        Field<NonNullGraphType<StringGraphType>>("explanationZh").Description("The verdict in a sentence, as the Chinese page words it.")
            .Resolve(c => c.Service<Bilingual>().Chinese(text => Explain(c.Source, text, c.Service<IOptions<VerificationOptions>>().Value.PublicHost)));
        Field<NonNullGraphType<StringGraphType>>("explanationEn")
            .Resolve(c => c.Service<Bilingual>().English(text => Explain(c.Source, text, c.Service<IOptions<VerificationOptions>>().Value.PublicHost)));
        Field<StringGraphType>("notGenuineCode").Description("For NOT_GENUINE: why, as a stable code (BAD_SIGNATURE, UNKNOWN_KEY, …).")
            .Resolve(c => c.Source.NotGenuineCode);
        Field<StringGraphType>("notGenuineDetail").Description("For NOT_GENUINE: the verifier's technical sentence.").Resolve(c => c.Source.NotGenuineMessage);
        Field<StringGraphType>("notFoundReason").Description("For NOT_FOUND: NEVER_ISSUED or NOT_YET_IN_EFFECT.").Resolve(c => c.Source.NotFoundReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClaimDifferenceGraphType>>>>("differences")
            .Description("What the code says that the registry no longer says.").Resolve(c => c.Source.Differences);
        Field<SignedClaimsGraphType>("claims").Description("Exactly what was signed, for genuine codes.").Resolve(c => c.Source.Claims is null ? null : c.Source);
        Field<CertificateGraphType>("certificate").Description("The registry's certificate, when it holds one with the signed number.")
            .ResolveAsync(async c => c.Source.NormalizedNumber is { } number ? await FindCertificateAsync(number, c) : null);
    }

    private static string Explain(Verdict verdict, IStringLocalizer text, string host) =>
        verdict.NotGenuineCode is { } code ? NotGenuineText.Explain(text, code, host) : VerdictText.Detail(text, verdict, host);

    // The verifier already read the certificate, but only its own view of it; the GraphQL certificate is read
    // again (one query) so that every certificate field answers exactly as certificate(number:) does.
    private static async Task<Certificate?> FindCertificateAsync(string normalizedNumber, IResolveFieldContext context)
    {
        var record = await context.Service<CertificateQueries>().FindAsync(normalizedNumber, context.CancellationToken);
        if (record is not null)
        {
            context.Loaders().Prime(record);
        }

        return record?.Certificate;
    }
}

public sealed class ClaimDifferenceGraphType : ObjectGraphType<ClaimDifference>
{
    public ClaimDifferenceGraphType()
    {
        Name = "ClaimDifference";
        Field(d => d.Field).Description("level, creditCode, issuedOn or expiresOn.");
        Field(d => d.SignedValue);
        Field(d => d.RegistryValue);
    }
}

public sealed class SignedClaimsGraphType : ObjectGraphType<Verdict>
{
    public SignedClaimsGraphType()
    {
        Name = "SignedClaims";
        Description = "What a genuine code asserts, exactly as signed, and who signed it.";
        Field<NonNullGraphType<StringGraphType>>("number").Resolve(c => Claims(c.Source).CertificateNumber);
        Field<NonNullGraphType<StringGraphType>>("creditCode").Resolve(c => Claims(c.Source).CreditCode);
        Field<NonNullGraphType<StringGraphType>>("level").Resolve(c => Claims(c.Source).Level);
        Field<NonNullGraphType<CalendarDateGraphType>>("issuedOn").Resolve(c => Claims(c.Source).IssuedOn);
        Field<NonNullGraphType<CalendarDateGraphType>>("expiresOn").Resolve(c => Claims(c.Source).ExpiresOn);
        Field<NonNullGraphType<MediumGraphType>>("medium").Resolve(c => Claims(c.Source).Medium);
        Field<NonNullGraphType<LongGraphType>>("serial").Description("0 on a paper certificate; one per plaque or mark printed.").Resolve(c => (long)Claims(c.Source).Serial);
        Field<NonNullGraphType<CalendarDateGraphType>>("signedOn").Resolve(c => Claims(c.Source).SignedOn);
        Field<StringGraphType>("signedBy").Description("The body whose key made the signature.").Resolve(c => c.Source.SignedBy);
        Field<StringGraphType>("keyId").Description("The signing key's id, as in the JWKS.").Resolve(c => c.Source.KeyId);
    }

    private static QrClaims Claims(Verdict verdict) => verdict.Claims!;
}
