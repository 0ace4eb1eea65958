using System.Formats.Cbor;
using Registry.Signing.Keys;

namespace Registry.Signing.Payloads;

/// <summary>
/// Checks that bytes are exactly an untagged COSE_Sign1 in the layout of README.md, before any key is looked
/// up or any signature computed. Anything else is refused, so that one printed code has one spelling.
/// </summary>
internal static class EnvelopeReader
{
    public static bool TryRead(ReadOnlyMemory<byte> envelope, out EnvelopeParts parts, out Rejection rejection)
    {
        parts = default;
        if (envelope.Length > PayloadLimits.MaxEnvelopeBytes)
        {
            rejection = new Rejection(NotGenuineReason.TooLarge,
                $"The payload has {envelope.Length} bytes; a genuine one has at most {PayloadLimits.MaxEnvelopeBytes}.");
            return false;
        }

        if (envelope.IsEmpty)
        {
            return Fail(out rejection, "The payload is empty.");
        }

        if (envelope.Span[0] == EnvelopeLayout.CoseSign1Tag)
        {
            return Fail(out rejection, "The payload carries the COSE_Sign1 tag; this format uses the untagged form only.");
        }

        try
        {
            return TryReadStructure(envelope, out parts, out rejection);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or OverflowException or FormatException)
        {
            return Fail(out rejection, $"The payload is not well-formed canonical CBOR (truncated or altered): {e.Message}");
        }
    }

    private static bool TryReadStructure(ReadOnlyMemory<byte> envelope, out EnvelopeParts parts, out Rejection rejection)
    {
        parts = default;
        var reader = new CborReader(envelope, CborConformanceMode.Canonical);
        if (reader.PeekState() != CborReaderState.StartArray || reader.ReadStartArray() != 4)
        {
            return Fail(out rejection, "The payload is not a COSE_Sign1 array of four items.");
        }

        if (reader.PeekState() != CborReaderState.ByteString)
        {
            return Fail(out rejection, "The COSE protected header is missing.");
        }

        var protectedStart = envelope.Length - reader.BytesRemaining;
        var protectedHeader = reader.ReadDefiniteLengthByteString().Span;
        var protectedEnd = envelope.Length - reader.BytesRemaining;
        if (protectedHeader.Length != EnvelopeLayout.ProtectedHeaderLength || !protectedHeader.StartsWith(EnvelopeLayout.ProtectedHeaderPrefix))
        {
            return Fail(out rejection, "The protected header is not exactly {1: -7 (ES256), 4: four-byte key id}.");
        }

        var keyId = KeyId.FromBytes(protectedHeader[EnvelopeLayout.ProtectedHeaderPrefix.Length..]);
        if (reader.PeekState() != CborReaderState.StartMap || reader.ReadStartMap() != 0)
        {
            return Fail(out rejection, "The unprotected header must be an empty map.");
        }

        reader.ReadEndMap();
        if (reader.PeekState() != CborReaderState.ByteString)
        {
            return Fail(out rejection, "The signed claims are missing (a detached payload is not allowed).");
        }

        var payloadStart = envelope.Length - reader.BytesRemaining;
        var claims = reader.ReadDefiniteLengthByteString();
        var payloadEnd = envelope.Length - reader.BytesRemaining;
        if (reader.PeekState() != CborReaderState.ByteString)
        {
            return Fail(out rejection, "The signature is missing.");
        }

        var signature = reader.ReadDefiniteLengthByteString();
        if (signature.Length != EnvelopeLayout.SignatureLength)
        {
            return Fail(out rejection, $"An ES256 signature has {EnvelopeLayout.SignatureLength} bytes, not {signature.Length}.");
        }

        reader.ReadEndArray();
        if (reader.BytesRemaining != 0)
        {
            rejection = new Rejection(NotGenuineReason.TrailingData,
                $"{reader.BytesRemaining} byte(s) follow the signed payload; nothing may follow it.");
            return false;
        }

        parts = new EnvelopeParts(keyId, claims, signature, protectedStart..protectedEnd, payloadStart..payloadEnd);
        rejection = default;
        return true;
    }

    private static bool Fail(out Rejection rejection, string message)
    {
        rejection = new Rejection(NotGenuineReason.Malformed, message);
        return false;
    }
}
