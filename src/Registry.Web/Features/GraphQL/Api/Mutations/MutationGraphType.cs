using GraphQL;
using GraphQL.Types;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>
/// Certification bodies' writes, one field per <see cref="PublishingCommands"/> operation, each a thin wrapper:
/// one <c>input</c> object in, one payload out. Every field needs an API key (UNAUTHENTICATED otherwise) and
/// acts only for the key's body; refusals by the registry are the payload's typed errors (see README.md).
/// </summary>
public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Description = "Publishing by certification bodies, with an API key (Authorization: Bearer srk_…).";
        Add<IssueCertificateInputGraphType, IssueCertificatePayloadGraphType>("issueCertificate", "Issue a certificate in your body's name.", Run(CertificateMutations.IssueAsync));
        Add<RenewCertificateInputGraphType, RenewCertificatePayloadGraphType>("renewCertificate", "Start a new cycle of validity.", Run(CertificateMutations.RenewAsync));
        Add<ChangeScopeInputGraphType, ChangeScopePayloadGraphType>("changeScope", "Change the certified scope.", Run(CertificateMutations.ChangeScopeAsync));
        Add<ChangeLevelInputGraphType, ChangeLevelPayloadGraphType>("changeLevel", "Change the level, with the scores that earn it.", Run(CertificateMutations.ChangeLevelAsync));
        Add<SuspendCertificateInputGraphType, SuspendCertificatePayloadGraphType>("suspendCertificate", "Suspend from a date, with a reason.",
            Run(c => CertificateMutations.StatusAsync(c, PublishingOperations.Suspend)));
        Add<ReinstateCertificateInputGraphType, ReinstateCertificatePayloadGraphType>("reinstateCertificate", "End a suspension.",
            Run(c => CertificateMutations.StatusAsync(c, PublishingOperations.Reinstate)));
        Add<WithdrawCertificateInputGraphType, WithdrawCertificatePayloadGraphType>("withdrawCertificate", "Withdraw (撤销) from a date, with a reason; final.",
            Run(c => CertificateMutations.StatusAsync(c, PublishingOperations.Withdraw)));
        Add<CancelCertificateInputGraphType, CancelCertificatePayloadGraphType>("cancelCertificate", "Cancel (注销) at the holder's request; final.",
            Run(c => CertificateMutations.StatusAsync(c, PublishingOperations.Cancel)));
        Add<RotateSigningKeyInputGraphType, RotateSigningKeyPayloadGraphType>("rotateSigningKey", "Replace your active QR signing key.", Run(SigningKeyMutations.RotateAsync));
        Add<RevokeSigningKeyInputGraphType, RevokeSigningKeyPayloadGraphType>("revokeSigningKey", "Revoke one of your QR signing keys.", Run(SigningKeyMutations.RevokeAsync));
        Add<IssueQrInputGraphType, IssueQrPayloadGraphType>("issueQr", "Signed QR codes for one of your certificates.", Run(IssueQrMutation.RunAsync));
        Add<BulkPublishInputGraphType, BulkPublishPayloadGraphType>("bulkPublish", "Up to 10,000 certificate changes, each row applied on its own with its own result.",
            Run(BulkPublishMutation.RunAsync));
    }

    // The payload is nullable so that a GraphQL error (no key, malformed input) nulls only its own field.
    private void Add<TInput, TPayload>(string name, string description, Func<IResolveFieldContext, Task<object?>> resolve)
        where TInput : InputObjectGraphType
        where TPayload : IGraphType =>
        Field<TPayload>(name)
            .Description(description)
            .Argument<NonNullGraphType<TInput>>("input")
            .ResolveAsync(resolve);

    private static Func<IResolveFieldContext, Task<object?>> Run<T>(Func<IResolveFieldContext, Task<T>> resolve) => async c => await resolve(c);
}
