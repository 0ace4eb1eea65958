using GraphQL;
using GraphQL.Types;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

/// <summary>The certificate mutations: input → command → <see cref="PublishingCommands"/>, nothing else.</summary>
internal static class CertificateMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        MutationField.Add<IssueCertificateInputGraphType, IssueCertificatePayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "issueCertificate",
            "Issue a certificate in your body's name.", IssueAsync);
        MutationField.Add<RenewCertificateInputGraphType, RenewCertificatePayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "renewCertificate",
            "Start a new cycle of validity.", RenewAsync);
        MutationField.Add<ChangeScopeInputGraphType, ChangeScopePayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "changeScope",
            "Change the certified scope.", ChangeScopeAsync);
        MutationField.Add<ChangeLevelInputGraphType, ChangeLevelPayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "changeLevel",
            "Change the level, with the scores that earn it.", ChangeLevelAsync);
        MutationField.Add<SuspendCertificateInputGraphType, SuspendCertificatePayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "suspendCertificate",
            "Suspend from a date, with a reason.", c => StatusAsync(c, PublishingOperations.Suspend));
        MutationField.Add<ReinstateCertificateInputGraphType, ReinstateCertificatePayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "reinstateCertificate",
            "End a suspension.", c => StatusAsync(c, PublishingOperations.Reinstate));
        MutationField.Add<WithdrawCertificateInputGraphType, WithdrawCertificatePayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "withdrawCertificate",
            "Withdraw (撤销) from a date, with a reason; final.", c => StatusAsync(c, PublishingOperations.Withdraw));
        MutationField.Add<CancelCertificateInputGraphType, CancelCertificatePayloadGraphType, PublishingResult<CertificatePayload>>(mutation, "cancelCertificate",
            "Cancel (注销) at the holder's request; final.", c => StatusAsync(c, PublishingOperations.Cancel));
    }

    private static Task<PublishingResult<CertificatePayload>> IssueAsync(IResolveFieldContext context) =>
        RunAsync(context, PublishingOperations.Issue, "organisationCreditCode", input => new IssueCommand(
            input.RequiredText("number"),
            input.RequiredText("organisationCreditCode"),
            input.Text("organisationNameZh"),
            input.Text("organisationNameEn"),
            input.Text("organisationAddress"),
            input.RequiredText("level"),
            input.Score("totalScore"),
            input.OptionalScore("serviceSystemScore"),
            input.OptionalScore("commodityServiceScore"),
            input.OptionalScore("customerServiceScore"),
            input.RequiredText("scopeZh"),
            input.Text("scopeEn"),
            input.Date("issuedOn"),
            input.OptionalDate("expiresOn"),
            input.Text("reason"),
            input.Text("scheme")));

    private static Task<PublishingResult<CertificatePayload>> RenewAsync(IResolveFieldContext context) =>
        RunAsync(context, PublishingOperations.Renew, null, input => new RenewCommand(
            input.RequiredText("number"),
            input.WholeNumber("expectedVersion"),
            input.Date("effectiveOn"),
            input.OptionalDate("expiresOn"),
            input.Text("level"),
            input.OptionalScore("totalScore"),
            input.OptionalScore("serviceSystemScore"),
            input.OptionalScore("commodityServiceScore"),
            input.OptionalScore("customerServiceScore"),
            input.Text("reason")));

    private static Task<PublishingResult<CertificatePayload>> ChangeScopeAsync(IResolveFieldContext context) =>
        RunAsync(context, PublishingOperations.ChangeScope, null, input => new ChangeScopeCommand(
            input.RequiredText("number"), input.WholeNumber("expectedVersion"), input.Date("effectiveOn"), input.RequiredText("scopeZh"), input.Text("scopeEn"), input.Text("reason")));

    private static Task<PublishingResult<CertificatePayload>> ChangeLevelAsync(IResolveFieldContext context) =>
        RunAsync(context, PublishingOperations.ChangeLevel, null, input => new ChangeLevelCommand(
            input.RequiredText("number"),
            input.WholeNumber("expectedVersion"),
            input.Date("effectiveOn"),
            input.RequiredText("level"),
            input.Score("totalScore"),
            input.OptionalScore("serviceSystemScore"),
            input.OptionalScore("commodityServiceScore"),
            input.OptionalScore("customerServiceScore"),
            input.Text("reason")));

    /// <summary>Suspend, reinstate, withdraw or cancel.</summary>
    private static Task<PublishingResult<CertificatePayload>> StatusAsync(IResolveFieldContext context, string operation) =>
        RunAsync(context, operation, null, input => new StatusCommand(
            input.RequiredText("number"), input.WholeNumber("expectedVersion"), input.Date("effectiveOn"), input.Text("reason") ?? string.Empty));

    /// <summary>
    /// The certificate as it stands after the change, read afresh with its events (which its status and history
    /// fields then answer from, not from the request's shared loader: the engine resolves loaders only after all
    /// root fields, by when a later mutation of the same request may have changed the certificate again).
    /// </summary>
    public static async Task<object?> ReadBackAsync(IResolveFieldContext context, string normalizedNumber)
    {
        context.Moment().Refresh();
        var record = await context.Service<CertificateQueries>().FindAsync(normalizedNumber, context.CancellationToken);
        if (record is null)
        {
            return null;
        }

        context.Loaders().Bodies.Prime(record.Body.Id, record.Body);
        context.Loaders().Organisations.Prime(record.Organisation.Id, record.Organisation);
        return record.Certificate;
    }

    private static async Task<PublishingResult<CertificatePayload>> RunAsync(IResolveFieldContext context, string operation, string? creditCodeField,
        Func<MutationInput, object> build)
    {
        var caller = context.RequireCaller();
        var input = MutationInput.Of(context);
        var commands = context.Service<PublishingCommands>();
        await MutationGuards.RefuseMalformedAsync(context, commands, caller, operation, input, input.Problem(creditCodeField: creditCodeField));
        return await RowDispatcher.RunAsync(commands, caller, operation, build(input), input.IdempotencyKey, bulk: null, context.CancellationToken);
    }
}
