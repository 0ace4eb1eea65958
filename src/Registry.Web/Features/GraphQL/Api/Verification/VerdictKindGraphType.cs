using GraphQL.Types;
using Registry.Web.Features.Verification;

namespace Registry.Web.Features.GraphQL.Api.Verification;

// GraphQL.NET writes each member in CONSTANT_CASE (NotIssued → NOT_ISSUED), the same strings the REST verdict uses.
public sealed class VerdictKindGraphType : EnumerationGraphType<VerdictKind>
{
    public VerdictKindGraphType()
    {
        Name = "VerdictKind";
        Description = "The one answer a scanned code gets, as on the verify page.";
    }
}
