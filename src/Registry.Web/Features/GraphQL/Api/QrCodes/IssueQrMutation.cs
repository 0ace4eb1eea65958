using GraphQL;
using GraphQL.Types;
using Registry.Signing.Claims;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.QrCodes;

/// <summary>issueQr: signed QR texts for one of the body's own certificates.</summary>
internal static class IssueQrMutation
{
    public static void AddTo(ObjectGraphType mutation) =>
        MutationField.Add<IssueQrInputGraphType, IssueQrPayloadGraphType, PublishingResult<QrPayload>>(mutation, "issueQr",
            "Signed QR codes for one of your certificates.", RunAsync);

    private static async Task<PublishingResult<QrPayload>> RunAsync(IResolveFieldContext context)
    {
        var caller = context.RequireCaller();
        var input = MutationInput.Of(context);
        var commands = context.Service<PublishingCommands>();
        var medium = input.Raw("medium") is Medium m ? m : Medium.Certificate;
        var count = input.WholeNumber("count") ?? 1;
        var problem = input.Problem();
        if (problem is null && (medium == Medium.Certificate ? count != 1 : count is < 1 or > IssueQrCommand.MaxCount))
        {
            problem = new PublishingError(PublishingErrorCodes.InvalidInput, medium == Medium.Certificate
                ? "A certificate carries one code (serial 0): count must be 1."
                : $"count must be 1 to {IssueQrCommand.MaxCount} plaques or marks at a time.");
        }

        await MutationGuards.RefuseMalformedAsync(context, commands, caller, PublishingOperations.IssueQr, input, problem);
        return await commands.IssueQrAsync(caller, new IssueQrCommand(input.RequiredText("number"), medium.ToString(), count), input.IdempotencyKey, context.CancellationToken);
    }
}

public sealed class IssueQrInputGraphType : InputObjectGraphType
{
    public IssueQrInputGraphType()
    {
        Name = "IssueQrInput";
        Description = "Signed QR codes for one of your certificates: the paper certificate's code (CERTIFICATE, count 1), or new plaque or packaging-mark serials.";
        InputFields.Number(this);
        Field<NonNullGraphType<MediumGraphType>>("medium");
        Field<IntGraphType>("count").Description("How many new serials (1–1000) for PLAQUE and PACKAGING_MARK; 1 for CERTIFICATE.").DefaultValue(1);
        InputFields.IdempotencyKey(this);
    }
}

public sealed class QrCodesGraphType : ObjectGraphType<QrPayload>
{
    public QrCodesGraphType()
    {
        Name = "QrCodes";
        Field(q => q.Number).Description("The certificate's folded number.");
        Field(q => q.Medium);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QrCodeGraphType>>>>("codes").Resolve(c => c.Source.Codes);
    }
}

public sealed class QrCodeGraphType : ObjectGraphType<QrCodePayload>
{
    public QrCodeGraphType()
    {
        Name = "QrCode";
        Field(q => q.Serial).Description("0 for the paper certificate; plaques and marks count from 1.");
        Field(q => q.Text).Description("The text to encode in the QR symbol (HTTPS://HOST/V/…).");
    }
}

public sealed class IssueQrPayloadGraphType : MutationPayloadGraphType<QrPayload>
{
    public IssueQrPayloadGraphType()
        : base("IssueQrPayload", "The answer to issueQr: the signed codes, or why not.")
    {
        Field<QrCodesGraphType>("qr").Resolve(c => c.Source.Value);
    }
}
