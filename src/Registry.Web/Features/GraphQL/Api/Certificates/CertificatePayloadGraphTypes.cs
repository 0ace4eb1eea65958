using GraphQL.Types;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

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
