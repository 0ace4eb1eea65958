using GraphQL.Types;
using Registry.Signing.Claims;

namespace Registry.Web.Features.GraphQL.Api.QrCodes;

// GraphQL.NET writes each member in CONSTANT_CASE (NotIssued → NOT_ISSUED), the same strings the REST verdict uses.
public sealed class MediumGraphType : EnumerationGraphType<Medium>
{
    public MediumGraphType()
    {
        Name = "Medium";
        Description = "What a QR code was printed on.";
    }
}
