using GraphQL.Types;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.Mutations;

/// <summary>
/// The part every mutation payload shares: <c>replayed</c> and <c>errors</c>. A payload either carries its
/// result and no errors, or no result and exactly one error (a refusal changed nothing).
/// </summary>
public abstract class MutationPayloadGraphType<T> : ObjectGraphType<PublishingResult<T>>
    where T : class
{
    protected MutationPayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<NonNullGraphType<BooleanGraphType>>("replayed")
            .Description("True when the idempotency key matched an earlier call: this is that call's result (or refusal) again, and nothing was applied now.")
            .Resolve(c => c.Source.Replayed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MutationErrorInterfaceGraphType>>>>("errors")
            .Description("Empty when the mutation was applied; otherwise the one reason it was refused.")
            .Resolve(c => c.Source.Error is { } error ? new[] { error } : []);
    }
}

/// <summary>A certificate mutation's payload: what the change did, and the certificate as it stands now.</summary>
public abstract class CertificatePayloadGraphType : MutationPayloadGraphType<CertificatePayload>
{
    protected CertificatePayloadGraphType(string name)
        : base(name, $"The answer to {char.ToLowerInvariant(name[0])}{name[1..^"Payload".Length]}: change and certificate when applied, errors when refused.")
    {
        Field<CertificateChangeGraphType>("change")
            .Description("The certificate as this call left it, with the event published; on a replay, the first call's answer unchanged.")
            .Resolve(c => c.Source.Value);
        Field<CertificateGraphType>("certificate")
            .Description("The certificate as the registry holds it now (read after the change), for any of its public fields; null when refused.")
            .ResolveAsync(async c => c.Source.Value is { } value ? await CertificateMutations.ReadBackAsync(c, value.NormalizedNumber) : null);
    }
}

public sealed class IssueCertificatePayloadGraphType() : CertificatePayloadGraphType("IssueCertificatePayload");

public sealed class RenewCertificatePayloadGraphType() : CertificatePayloadGraphType("RenewCertificatePayload");

public sealed class ChangeScopePayloadGraphType() : CertificatePayloadGraphType("ChangeScopePayload");

public sealed class ChangeLevelPayloadGraphType() : CertificatePayloadGraphType("ChangeLevelPayload");

public sealed class SuspendCertificatePayloadGraphType() : CertificatePayloadGraphType("SuspendCertificatePayload");

public sealed class ReinstateCertificatePayloadGraphType() : CertificatePayloadGraphType("ReinstateCertificatePayload");

public sealed class WithdrawCertificatePayloadGraphType() : CertificatePayloadGraphType("WithdrawCertificatePayload");

public sealed class CancelCertificatePayloadGraphType() : CertificatePayloadGraphType("CancelCertificatePayload");
