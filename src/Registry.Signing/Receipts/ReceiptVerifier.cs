using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Registry.Domain.Time;
using Registry.Signing.Keys;
using Registry.Signing.Payloads;

namespace Registry.Signing.Receipts;

/// <summary>
/// Decides GENUINE or NOT GENUINE for a receipt document (README.md, "Verifying a receipt"). Never throws on
/// input; exceptions from the resolver propagate, as in <see cref="PayloadVerifier"/>.
/// </summary>
public sealed class ReceiptVerifier(Func<KeyId, SigningKeyInfo?> resolveKey)
{
    private static readonly JsonDocumentOptions HeaderOptions = new() { AllowDuplicateProperties = false, MaxDepth = 2 };

    public ReceiptCheck Verify(string? document)
    {
        if (document is null || document.Length == 0)
        {
            return Malformed("The receipt is empty.");
        }

        if (document.Length > ReceiptLimits.MaxDocumentLength)
        {
            return new NotGenuineReceipt(NotGenuineReason.TooLarge,
                $"The receipt has {document.Length} characters; no receipt is larger than {ReceiptLimits.MaxDocumentLength}.");
        }

        // Line breaks and spaces around a downloaded file are not part of the document.
        var text = document.Trim();
        var firstDot = text.IndexOf('.', StringComparison.Ordinal);
        var lastDot = text.LastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || text.IndexOf('.', firstDot + 1) != lastDot)
        {
            return Malformed("A receipt is three base64url parts separated by dots (JWS compact serialization).");
        }

        var encodedHeader = text[..firstDot];
        var encodedClaims = text[(firstDot + 1)..lastDot];
        var encodedSignature = text[(lastDot + 1)..];
        if (encodedHeader.Length > ReceiptLimits.MaxHeaderLength
            || !TryDecode(encodedHeader, out var header) || !TryDecode(encodedClaims, out var claimsJson) || !TryDecode(encodedSignature, out var signature))
        {
            return Malformed("A part of the receipt is not canonical base64url (RFC 4648 section 5, no padding).");
        }

        if (!TryReadHeader(header, out var keyId, out var problem))
        {
            return Malformed(problem);
        }

        var key = resolveKey(keyId);
        if (key is null || key.Id != keyId)
        {
            return new NotGenuineReceipt(NotGenuineReason.UnknownKey, $"No published key has the key id {keyId}.");
        }

        if (key.Purpose != KeyPurpose.Receipts)
        {
            return new NotGenuineReceipt(NotGenuineReason.UnknownKey,
                $"Key {key.Id} is a QR key of {key.Issuer}; receipts are signed only by the registry's receipt key.");
        }

        if (key.State == KeyState.Revoked)
        {
            return new NotGenuineReceipt(NotGenuineReason.RevokedKey, $"The registry's receipt key {key.Id} was revoked; nothing it signed is genuine.");
        }

        if (signature.Length != 64 || !SignatureCheck.HasLowS(signature))
        {
            return new NotGenuineReceipt(NotGenuineReason.BadSignature, "The signature is not a 64-byte ES256 signature in its low-S spelling.");
        }

        var signingInput = Encoding.ASCII.GetBytes(text, 0, lastDot);
        if (!key.VerificationKey.VerifyData(signingInput, signature, System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return new NotGenuineReceipt(NotGenuineReason.BadSignature,
                $"The signature does not match the registry's receipt key {key.Id}: the receipt was altered or forged.");
        }

        // Only now are the claims read, so that an altered receipt reports BAD_SIGNATURE.
        if (!TryReadClaims(claimsJson, out var claims, out var rejection))
        {
            return rejection;
        }

        var signedOn = RegistryCalendar.DateOf(claims.AsOf);
        if (!key.CoversSigningDay(signedOn))
        {
            return new NotGenuineReceipt(NotGenuineReason.KeyNotValidAtSigningTime,
                $"The receipt key {key.Id} may sign from {Day(key.NotBefore)} to {(key.NotAfter is { } last ? Day(last) : "(open)")}, not on {Day(signedOn)}.");
        }

        return new GenuineReceipt(claims, key);
    }

    private static bool TryDecode(string part, out byte[] bytes)
    {
        bytes = [];
        if (part.Length == 0 || !Base64Url.IsValid(part))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(part);

        // One spelling per document: stray bits in the last character would give a second one.
        return Base64Url.EncodeToString(bytes) == part;
    }

    private static bool TryReadHeader(byte[] header, out KeyId keyId, out string problem)
    {
        keyId = default;
        try
        {
            using var json = JsonDocument.Parse(header, HeaderOptions);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 3
                || !Member(root, "alg", "ES256") || !Member(root, "typ", ReceiptSigner.Type)
                || !root.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || !KeyId.TryParse(kid.GetString(), out keyId))
            {
                problem = $"The receipt's header must be exactly {{\"alg\":\"ES256\",\"kid\":<key id>,\"typ\":\"{ReceiptSigner.Type}\"}}.";
                return false;
            }

            problem = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            problem = $"The receipt's header is not JSON: {e.Message}";
            return false;
        }
    }

    private static bool Member(JsonElement root, string name, string expected) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == expected;

    private static bool TryReadClaims(byte[] json, out ReceiptClaims claims, out NotGenuineReceipt rejection)
    {
        claims = null!;
        try
        {
            using (var document = JsonDocument.Parse(json, HeaderOptions with { MaxDepth = 16 }))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("version", out var version)
                    || version.ValueKind != JsonValueKind.Number)
                {
                    rejection = Malformed("The receipt's claims are not a JSON object with a version.");
                    return false;
                }

                if (!version.TryGetInt32(out var number) || number != ReceiptClaims.CurrentVersion)
                {
                    rejection = new NotGenuineReceipt(NotGenuineReason.UnsupportedVersion,
                        $"The receipt is in format version {version.GetRawText()}; this verifier reads version {ReceiptClaims.CurrentVersion}.");
                    return false;
                }
            }

            claims = ReceiptJson.Read(json);
        }
        catch (JsonException e)
        {
            rejection = Malformed($"The receipt's claims do not follow format version 1: {e.Message}");
            return false;
        }

        if (ReceiptId.Normalize(claims.Id) != claims.Id || !ReceiptKinds.IsKnown(claims.Kind) || claims.Rows.Count == 0)
        {
            rejection = Malformed("The receipt's id, kind or rows break format version 1.");
            return false;
        }

        rejection = null!;
        return true;
    }

    private static NotGenuineReceipt Malformed(string message) => new(NotGenuineReason.Malformed, message);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
