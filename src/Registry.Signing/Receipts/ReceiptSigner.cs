using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Registry.Signing.Keys;
using Registry.Signing.Payloads;

namespace Registry.Signing.Receipts;

/// <summary>
/// Signs receipt claims with the registry's receipt key into a JWS in compact serialization (RFC 7515):
/// <c>base64url(header) "." base64url(claims JSON) "." base64url(r || s)</c>, ES256, low-S like the QR format.
/// As with <see cref="PayloadSigner"/>, give concurrent jobs their own signer.
/// </summary>
public sealed class ReceiptSigner
{
    public const string Type = "star-receipt";

    private readonly ECDsa _privateKey;
    private readonly string _encodedHeader;

    public ReceiptSigner(ECDsa privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        KeyIds.RequireP256(privateKey.ExportParameters(includePrivateParameters: false));
        _privateKey = privateKey;
        KeyId = KeyIds.ShortId(privateKey);
        _encodedHeader = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Header(KeyId)));
    }

    public KeyId KeyId { get; }

    /// <summary>The protected header, always these three members in this order.</summary>
    public static string Header(KeyId keyId) => $$"""{"alg":"ES256","kid":"{{keyId}}","typ":"{{Type}}"}""";

    public string Sign(ReceiptClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Version != ReceiptClaims.CurrentVersion)
        {
            throw new ArgumentException($"This signer writes receipt format version {ReceiptClaims.CurrentVersion}.", nameof(claims));
        }

        return SignEncodedClaims(ReceiptJson.Write(claims));
    }

    /// <summary>Signs arbitrary claim bytes: for tests of receipts the registry would never write.</summary>
    internal string SignEncodedClaims(ReadOnlySpan<byte> claimsJson)
    {
        var signingInput = _encodedHeader + "." + Base64Url.EncodeToString(claimsJson);
        var signature = _privateKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        SignatureCheck.ToLowS(signature);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
