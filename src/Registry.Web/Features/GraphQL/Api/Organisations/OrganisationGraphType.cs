using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.ReferenceData;
using Registry.Web.Features.GraphQL.Loaders;
using Registry.Web.Features.GraphQL.Paging;

namespace Registry.Web.Features.GraphQL.Api.Organisations;

public sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType()
    {
        Name = "Organisation";
        Description = "A certified company, identified by its unified social credit code.";
        Field(o => o.CreditCode).Description("统一社会信用代码 (GB 32100), 18 characters.");
        Field<NonNullGraphType<StringGraphType>>("nameZh").Description("The legal name.").Resolve(c => c.Source.LegalNameZh);
        Field(o => o.NameEn, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("formerNamesZh")
            .Description("Names used before a rename, oldest first.").Resolve(c => c.Source.FormerNames);
        Field<NonNullGraphType<ProvinceGraphType>>("province").Resolve(c => c.Source.Province);
        Field(o => o.DivisionCode).Description("The six-digit administrative division code in the credit code.");
        Field(o => o.Address, nullable: true);
        Field(o => o.IsDemo).Description("True for fictional demonstration data.");
        Field<NonNullGraphType<CertificateConnectionGraphType>>("certificates")
            .Description("The organisation's certificates, newest first.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = PageRequest.DefaultSize)
            .Argument<StringGraphType>("after")
            .Resolve(c =>
            {
                var page = PageRequest.From(c);
                return c.Loaders().CertificatesOfOrganisation.Load(c.Source.Id).Then(all => ConnectionPages.Slice(all ?? [], page));
            });
    }
}
