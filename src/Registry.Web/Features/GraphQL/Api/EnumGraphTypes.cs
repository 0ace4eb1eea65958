using GraphQL.Types;
using Registry.Domain.Lifecycle;
using Registry.Signing.Claims;
using Registry.Web.Features.Search.Querying;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.GraphQL.Api;

// The enumerations clients match on. GraphQL.NET writes each member in CONSTANT_CASE (NotIssued → NOT_ISSUED),
// the same strings the REST verdict uses.

public sealed class CertificateStatusGraphType : EnumerationGraphType<CertificateStatus>
{
    public CertificateStatusGraphType()
    {
        Name = "CertificateStatus";
        Description = "What a certificate's events and the calendar make of it on a day. NOT_ISSUED: nothing was in effect (or published) yet.";
    }
}

public sealed class StatusEventKindGraphType : EnumerationGraphType<StatusEventKind>
{
    public StatusEventKindGraphType()
    {
        Name = "StatusEventKind";
        Description = "The kind of a published change in a certificate's life.";
    }
}

public sealed class VerdictKindGraphType : EnumerationGraphType<VerdictKind>
{
    public VerdictKindGraphType()
    {
        Name = "VerdictKind";
        Description = "The one answer a scanned code gets, as on the verify page.";
    }
}

public sealed class MediumGraphType : EnumerationGraphType<Medium>
{
    public MediumGraphType()
    {
        Name = "Medium";
        Description = "What a QR code was printed on.";
    }
}

public sealed class SearchQueryKindGraphType : EnumerationGraphType<QueryKind>
{
    public SearchQueryKindGraphType()
    {
        Name = "SearchQueryKind";
        Description = "What the search took the typed text to be.";
    }
}

public sealed class CertificateStandingGraphType : EnumerationGraphType<CertificateStanding>
{
    public CertificateStandingGraphType()
    {
        Name = "CertificateStanding";
        Description = "Where a certificate's events leave it, before the calendar is asked: past its expiry date a VALID or SUSPENDED certificate is expired.";
    }
}
