using GraphQL.Types;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

// GraphQL.NET writes each member in CONSTANT_CASE (NotIssued → NOT_ISSUED), the same strings the REST verdict uses.
public sealed class StatusEventKindGraphType : EnumerationGraphType<StatusEventKind>
{
    public StatusEventKindGraphType()
    {
        Name = "StatusEventKind";
        Description = "The kind of a published change in a certificate's life.";
    }
}
