using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.BulkPublishing;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.QrCodes;
using Registry.Web.Features.GraphQL.Api.SigningKeys;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// Certification bodies' writes, one field per <see cref="PublishingCommands"/> operation, each a thin wrapper
/// that its entity's folder adds (see README.md). Every field needs an API key (UNAUTHENTICATED otherwise) and
/// acts only for the key's body; refusals by the registry are the payload's typed errors.
/// </summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Description = "Publishing by certification bodies, with an API key (Authorization: Bearer srk_…).";
        // The order here is the schema file's order.
        CertificateMutations.AddTo(this);
        SigningKeyMutations.AddTo(this);
        IssueQrMutation.AddTo(this);
        BulkPublishMutation.AddTo(this);
    }
}
