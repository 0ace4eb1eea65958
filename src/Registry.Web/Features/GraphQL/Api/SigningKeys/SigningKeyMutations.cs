using GraphQL;
using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.SigningKeys;

/// <summary>rotateSigningKey and revokeSigningKey: a body's own QR signing keys (public facts, as in the JWKS).</summary>
internal static class SigningKeyMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        MutationField.Add<RotateSigningKeyInputGraphType, RotateSigningKeyPayloadGraphType, PublishingResult<SigningKeyRotationPayload>>(mutation, "rotateSigningKey",
            "Replace your active QR signing key.", RotateAsync);
        MutationField.Add<RevokeSigningKeyInputGraphType, RevokeSigningKeyPayloadGraphType, PublishingResult<SigningKeyPayload>>(mutation, "revokeSigningKey",
            "Revoke one of your QR signing keys.", RevokeAsync);
    }

    private static async Task<PublishingResult<SigningKeyRotationPayload>> RotateAsync(IResolveFieldContext context)
    {
        var caller = context.RequireCaller();
        var input = MutationInput.Of(context);
        var commands = context.Service<PublishingCommands>();
        await MutationGuards.RefuseMalformedAsync(context, commands, caller, PublishingOperations.RotateSigningKey, input, input.Problem(numberField: null));
        return await commands.RotateSigningKeyAsync(caller, new RotateSigningKeyCommand(input.Text("expectedActiveKid")), input.IdempotencyKey, context.CancellationToken);
    }

    private static async Task<PublishingResult<SigningKeyPayload>> RevokeAsync(IResolveFieldContext context)
    {
        var caller = context.RequireCaller();
        var input = MutationInput.Of(context);
        var commands = context.Service<PublishingCommands>();
        await MutationGuards.RefuseMalformedAsync(context, commands, caller, PublishingOperations.RevokeSigningKey, input, input.Problem(numberField: null));
        return await commands.RevokeSigningKeyAsync(caller, new RevokeSigningKeyCommand(input.RequiredText("kid"), input.RequiredText("reason")),
            input.IdempotencyKey, context.CancellationToken);
    }
}

public sealed class RotateSigningKeyInputGraphType : InputObjectGraphType
{
    public RotateSigningKeyInputGraphType()
    {
        Name = "RotateSigningKeyInput";
        Description = "Replace the body's active QR signing key with a new one; codes printed with the old key stay valid.";
        Field<StringGraphType>("expectedActiveKid").Description("The kid you believe is active; refused OUTDATED_VERSION if another key is active by now.");
        InputFields.IdempotencyKey(this);
    }
}

public sealed class RevokeSigningKeyInputGraphType : InputObjectGraphType
{
    public RevokeSigningKeyInputGraphType()
    {
        Name = "RevokeSigningKeyInput";
        Description = "Revoke one of the body's own signing keys (e.g. compromised): codes it signed stop verifying.";
        Field<NonNullGraphType<StringGraphType>>("kid");
        Field<NonNullGraphType<StringGraphType>>("reason");
        InputFields.IdempotencyKey(this);
    }
}

public sealed class SigningKeyGraphType : ObjectGraphType<SigningKeyPayload>
{
    public SigningKeyGraphType()
    {
        Name = "SigningKey";
        Description = "A body's QR signing key, by its public facts (as in the JWKS).";
        Field(k => k.Kid);
        Field(k => k.State).Description("Active, Retired or Revoked.");
        Field<NonNullGraphType<CalendarDateGraphType>>("notBefore").Resolve(c => c.Source.NotBefore);
        Field<CalendarDateGraphType>("notAfter").Resolve(c => c.Source.NotAfter);
        Field<NonNullGraphType<InstantGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<InstantGraphType>("revokedAt").Resolve(c => c.Source.RevokedAt);
        Field(k => k.RevocationReason, nullable: true);
    }
}

public sealed class SigningKeyRotationGraphType : ObjectGraphType<SigningKeyRotationPayload>
{
    public SigningKeyRotationGraphType()
    {
        Name = "SigningKeyRotation";
        Field<NonNullGraphType<SigningKeyGraphType>>("retired").Resolve(c => c.Source.Retired);
        Field<NonNullGraphType<SigningKeyGraphType>>("active").Resolve(c => c.Source.Active);
    }
}

public sealed class RotateSigningKeyPayloadGraphType : MutationPayloadGraphType<SigningKeyRotationPayload>
{
    public RotateSigningKeyPayloadGraphType()
        : base("RotateSigningKeyPayload", "The answer to rotateSigningKey: the retired and the new active key, or why not.")
    {
        Field<SigningKeyRotationGraphType>("rotation").Resolve(c => c.Source.Value);
    }
}

public sealed class RevokeSigningKeyPayloadGraphType : MutationPayloadGraphType<SigningKeyPayload>
{
    public RevokeSigningKeyPayloadGraphType()
        : base("RevokeSigningKeyPayload", "The answer to revokeSigningKey: the key as revoked, or why not.")
    {
        Field<SigningKeyGraphType>("signingKey").Resolve(c => c.Source.Value);
    }
}
