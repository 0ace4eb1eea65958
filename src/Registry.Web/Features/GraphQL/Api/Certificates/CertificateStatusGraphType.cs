using GraphQL.Types;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

// GraphQL.NET writes each member in CONSTANT_CASE (NotIssued → NOT_ISSUED), the same strings the REST verdict uses.
public sealed class CertificateStatusGraphType : EnumerationGraphType<CertificateStatus>
{
    public CertificateStatusGraphType()
    {
        Name = "CertificateStatus";
        Description = "What a certificate's events and the calendar make of it on a day. NOT_ISSUED: nothing was in effect (or published) yet.";
    }
}
