using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Registry.Signing.Claims;
using Registry.Signing.Keys;

namespace Registry.Signing.Payloads;

/// <summary>
/// Decides GENUINE or NOT GENUINE for a scanned code. It never throws on any input: every failure is a
/// <see cref="NotGenuine"/> with a reason. Exceptions from the caller's resolver are not input failures and
/// propagate (a database outage must not be reported as a forgery).
/// </summary>
/// <param name="resolveKey">Finds a published key by id; keep the <see cref="SigningKeyInfo"/> objects cached.</param>
public sealed class PayloadVerifier(Func<KeyId, SigningKeyInfo?> resolveKey)
{
    /// <summary>Verifies a scanned text: a registry URL or a bare base32 payload.</summary>
    /// <param name="expectedHost">When given, a URL must name this host; bare payloads are always accepted.</param>
    public VerificationResult VerifyScanned(string? scanned, string? expectedHost = null)
    {
        if (!VerifyUrl.TryParse(scanned, expectedHost, out var payload, out var rejection)
            || !PayloadText.TryDecode(payload, out var envelope, out rejection))
        {
            return rejection.ToResult();
        }

        return Verify(envelope);
    }

    /// <summary>Verifies envelope bytes. Order: size, layout, key, signature, claims, key window.</summary>
    public VerificationResult Verify(ReadOnlyMemory<byte> envelope)
    {
        if (!EnvelopeReader.TryRead(envelope, out var parts, out var rejection))
        {
            return rejection.ToResult();
        }

        var key = resolveKey(parts.KeyId);
        if (key is null || key.Id != parts.KeyId)
        {
            return new NotGenuine(NotGenuineReason.UnknownKey, $"No published key has the key id {parts.KeyId}.");
        }

        if (key.Purpose != KeyPurpose.QrCodes)
        {
            return new NotGenuine(NotGenuineReason.UnknownKey, $"Key {key.Id} is the registry's receipt key; no QR code is signed with it.");
        }

        if (key.State == KeyState.Revoked)
        {
            return new NotGenuine(NotGenuineReason.RevokedKey, $"Key {key.Id} of {key.Issuer} was revoked; nothing it signed is genuine.");
        }

        if (!SignatureCheck.HasLowS(parts.Signature.Span))
        {
            return new NotGenuine(NotGenuineReason.BadSignature,
                "The signature's s is above n/2: it is the twin of a genuine signature's spelling, and only the low-S spelling is genuine.");
        }

        if (!SignatureCheck.Verify(envelope.Span, parts, key.VerificationKey))
        {
            return new NotGenuine(NotGenuineReason.BadSignature, $"The signature does not match key {key.Id} of {key.Issuer}: the code was altered or forged.");
        }

        // Claims are read only once the signature holds, so that a tampered field reports BAD_SIGNATURE rather
        // than whatever the altered bytes happen to look like.
        if (!ClaimsCodec.TryDecode(parts.Claims, out var claims, out rejection))
        {
            return rejection.ToResult();
        }

        if (!key.CoversSigningDay(claims.SignedOn))
        {
            return new NotGenuine(NotGenuineReason.KeyNotValidAtSigningTime,
                $"Key {key.Id} of {key.Issuer} may sign from {Day(key.NotBefore)} to {(key.NotAfter is { } last ? Day(last) : "(open)")}, not on {Day(claims.SignedOn)}.");
        }

        return new Genuine(claims, key);
    }

    /// <summary>
    /// The certificate number a well-formed envelope names, without checking its signature: for choosing a cache key,
    /// never for an answer (an answer comes from <see cref="Verify"/>).
    /// </summary>
    public static bool TryPeekCertificateNumber(ReadOnlyMemory<byte> envelope, [NotNullWhen(true)] out string? number)
    {
        number = null;
        if (!EnvelopeReader.TryRead(envelope, out var parts, out _) || !ClaimsCodec.TryDecode(parts.Claims, out var claims, out _))
        {
            return false;
        }

        number = claims.CertificateNumber;
        return true;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
