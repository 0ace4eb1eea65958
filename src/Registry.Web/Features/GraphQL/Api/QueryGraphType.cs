using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Audit;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.Checks;
using Registry.Web.Features.GraphQL.Api.Organisations;
using Registry.Web.Features.GraphQL.Api.ReferenceData;
using Registry.Web.Features.GraphQL.Api.Search;
using Registry.Web.Features.GraphQL.Api.Verification;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// The public, read-only root: anyone may ask these, without a key (auditLog aside). Each field lives with its
/// entity's types; the order here is the schema file's order.
/// </summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        CertificateField.AddTo(this);
        SearchField.AddTo(this);
        OrganisationField.AddTo(this);
        ReferenceDataFields.AddTo(this);
        VerifyField.AddTo(this);
        AuditLogField.AddTo(this);
        CheckField.AddTo(this);
    }
}
