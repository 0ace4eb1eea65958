using GraphQL.Types;

namespace Registry.Web.Features.GraphQL.Api.ReferenceData;

public sealed class CertificationBodyGraphType : ObjectGraphType<CertificationBody>
{
    public CertificationBodyGraphType()
    {
        Name = "CertificationBody";
        Description = "A certification body approved by CNCA.";
        Field(b => b.Code).Description("Short stable handle; the value search filters take.");
        Field(b => b.NameZh);
        Field(b => b.NameEn);
        Field(b => b.ApprovalNumber).Description("CNCA approval number, e.g. CNCA-R-2002-001.");
        Field(b => b.Website, nullable: true);
        Field(b => b.IsDemo).Description("True for fictional demonstration data.");
    }
}
