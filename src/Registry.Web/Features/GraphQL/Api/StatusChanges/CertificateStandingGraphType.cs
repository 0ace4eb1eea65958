using GraphQL.Types;

namespace Registry.Web.Features.GraphQL.Api.StatusChanges;

// GraphQL.NET writes each member in CONSTANT_CASE (NotIssued → NOT_ISSUED), the same strings the REST verdict uses.
public sealed class CertificateStandingGraphType : EnumerationGraphType<CertificateStanding>
{
    public CertificateStandingGraphType()
    {
        Name = "CertificateStanding";
        Description = "Where a certificate's events leave it, before the calendar is asked: past its expiry date a VALID or SUSPENDED certificate is expired.";
    }
}
