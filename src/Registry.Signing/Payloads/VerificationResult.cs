using Registry.Signing.Claims;
using Registry.Signing.Keys;

namespace Registry.Signing.Payloads;

/// <summary>
/// GENUINE means a published key of a certification body signed these claims on a day it was allowed to
/// sign. It says nothing about whether the certificate is valid today: that is the registry's live status.
/// </summary>
public abstract record VerificationResult
{
    private protected VerificationResult()
    {
    }

    public abstract bool IsGenuine { get; }

    /// <summary>
    /// Only the registry knows which body issued a certificate number; it passes that body here so that a
    /// code signed by another body's key is NOT GENUINE.
    /// </summary>
    public VerificationResult ForIssuer(string expectedIssuer) =>
        this is Genuine genuine && !string.Equals(genuine.Key.Issuer, expectedIssuer, StringComparison.Ordinal)
            ? new NotGenuine(NotGenuineReason.WrongIssuer,
                $"The code was signed by {genuine.Key.Issuer}, but certificate {genuine.Claims.CertificateNumber} belongs to {expectedIssuer}.")
            : this;
}

public sealed record Genuine(QrClaims Claims, SigningKeyInfo Key) : VerificationResult
{
    public override bool IsGenuine => true;
}

public sealed record NotGenuine(NotGenuineReason Reason, string Message) : VerificationResult
{
    public override bool IsGenuine => false;

    public string Code => Reason.Code();
}
