using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using Registry.Signing.Claims;
using Registry.Signing.Keys;

namespace Registry.Signing.Payloads;

/// <summary>
/// Signs claims with one ECDSA P-256 private key into the untagged COSE_Sign1 envelope of README.md.
/// Which key is active is the caller's decision; the key id is always derived from the key itself.
/// .NET does not promise that one ECDsa instance may sign on several threads at once, so give concurrent
/// print jobs their own signer (signing is rare next to verifying).
/// </summary>
public sealed class PayloadSigner
{
    private readonly ECDsa _privateKey;

    public PayloadSigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        KeyIds.RequireP256(privateKey.ExportParameters(includePrivateParameters: false));
        _privateKey = privateKey;
        KeyId = KeyIds.ShortId(privateKey);
    }

    public KeyId KeyId { get; }

    public byte[] Sign(QrClaims claims)
    {
        var encoded = ClaimsCodec.Encode(claims);

        // The writer and the strict reader must agree; a code that would not read back must never be printed.
        if (!ClaimsCodec.TryDecode(encoded, out var decoded, out var rejection) || decoded != claims)
        {
            throw new InvalidOperationException($"The claims do not read back as written: {rejection.Message}");
        }

        return SignEncodedClaims(encoded, KeyId);
    }

    /// <summary>Signs arbitrary claim bytes under any key id: for tests and test vectors of malformed codes.</summary>
    internal byte[] SignEncodedClaims(byte[] claims, KeyId keyId)
    {
        var protectedHeaders = new CoseHeaderMap
        {
            { CoseHeaderLabel.Algorithm, (int)CoseAlgorithm.ES256 },
            { CoseHeaderLabel.KeyIdentifier, keyId.ToBytes() },
        };
        var signer = new CoseSigner(_privateKey, HashAlgorithmName.SHA256, protectedHeaders, new CoseHeaderMap());
        var tagged = CoseSign1Message.SignEmbedded(claims, signer);

        // .NET always writes the tag (0xD2, tag 18). The format drops it: the verify URL already says what
        // the bytes are (RFC 9052 section 2 allows untagged messages when the context does), and it saves a byte.
        if (tagged.Length < 2 || tagged[0] != EnvelopeLayout.CoseSign1Tag)
        {
            throw new CryptographicException("The COSE library did not produce a tagged COSE_Sign1 message.");
        }

        // The signature is the envelope's last 64 bytes; it is published in its low-S form (README section 7).
        var envelope = tagged[1..];
        SignatureCheck.ToLowS(envelope.AsSpan(envelope.Length - EnvelopeLayout.SignatureLength));
        if (!EnvelopeReader.TryRead(envelope, out _, out var rejection))
        {
            // The writer and the strict reader must agree on the layout; a code that fails here must never be printed.
            throw new CryptographicException($"The signed envelope does not match the format: {rejection.Message}");
        }

        return envelope;
    }
}
