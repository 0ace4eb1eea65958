using GraphQL.Types;
using Registry.Domain.Geography;

namespace Registry.Web.Features.GraphQL.Api.ReferenceData;

public sealed class ProvinceGraphType : ObjectGraphType<Province>
{
    public ProvinceGraphType()
    {
        Name = "Province";
        Description = "A province-level division, from the first two digits of a division code.";
        Field(p => p.Code).Description("Two digits, e.g. 33; the value search filters take.");
        Field(p => p.NameZh);
        Field(p => p.NameEn);
    }
}
