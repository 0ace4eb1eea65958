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

    /// <summary>Half the order of P-256, rounded down: a signature's s above it is the high twin of n − s.</summary>
    private static ReadOnlySpan<byte> HalfOrder =>
    [
        0x7F, 0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xDE, 0x73, 0x7D, 0x56, 0xD3, 0x8B, 0xCF, 0x42, 0x79, 0xDC, 0xE5, 0x61, 0x7E, 0x31, 0x92, 0xA8,
    ];

    /// <summary>The order n of P-256, big-endian.</summary>
    private static ReadOnlySpan<byte> Order =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
    ];

    /// <summary>
    /// ECDSA accepts (r, s) and (r, n − s) alike; the format keeps one of the two, the one with s ≤ n/2, so that a
    /// code has one spelling. Compares big-endian 32-byte integers, no cryptography.
    /// </summary>
    public static bool HasLowS(ReadOnlySpan<byte> signature) => signature.Length == 64 && signature[32..].SequenceCompareTo(HalfOrder) <= 0;

    /// <summary>The same signature with s replaced by n − s when s is high: what the signer publishes.</summary>
    public static void ToLowS(Span<byte> signature)
    {
        if (HasLowS(signature))
        {
            return;
        }

        var s = signature[32..];
        var borrow = 0;
        for (var i = 31; i >= 0; i--)
        {
            var difference = Order[i] - s[i] - borrow;
            borrow = difference < 0 ? 1 : 0;
            s[i] = (byte)(difference + (borrow << 8));
        }
    }

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
