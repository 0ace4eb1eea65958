using System.Security.Cryptography;

namespace Registry.Signing.Payloads;

/// <summary>
/// Checks an ES256 signature over the COSE Sig_structure (RFC 9052 section 4.4):
/// ["Signature1", protected, external_aad = h'', payload], CBOR-encoded, hashed with SHA-256.
/// Built on the stack from the envelope's own bytes rather than through CoseSign1Message, which decodes
/// into several objects per scan; a test checks that the COSE library agrees on every envelope.
/// </summary>
internal static class SignatureCheck
{
    // 84 = array(4), 6A = text(10) "Signature1".
    private static ReadOnlySpan<byte> ContextHead => [0x84, 0x6A, (byte)'S', (byte)'i', (byte)'g', (byte)'n', (byte)'a', (byte)'t', (byte)'u', (byte)'r', (byte)'e', (byte)'1'];

    private const byte EmptyByteString = 0x40;

    public static bool Verify(ReadOnlySpan<byte> envelope, in EnvelopeParts parts, ECDsa key)
    {
        var protectedHeader = envelope[parts.EncodedProtectedHeader];
        var payload = envelope[parts.EncodedPayload];
        Span<byte> toBeSigned = stackalloc byte[ContextHead.Length + protectedHeader.Length + 1 + payload.Length];
        ContextHead.CopyTo(toBeSigned);
        var at = ContextHead.Length;
        protectedHeader.CopyTo(toBeSigned[at..]);
        at += protectedHeader.Length;
        toBeSigned[at++] = EmptyByteString;
        payload.CopyTo(toBeSigned[at..]);

        return key.VerifyData(toBeSigned, parts.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
