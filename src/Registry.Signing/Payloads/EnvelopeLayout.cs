using Registry.Signing.Keys;

namespace Registry.Signing.Payloads;

/// <summary>
/// The one COSE_Sign1 shape this format accepts. The protected header is fixed byte for byte:
/// a2 01 26 04 44 &lt;kid&gt;, i.e. {1: -7 (ES256), 4: h'kid'}; keys in canonical order.
/// </summary>
internal static class EnvelopeLayout
{
    public const int SignatureLength = 64;
    public const byte CoseSign1Tag = 0xD2;
    public const int ProtectedHeaderLength = 5 + KeyId.Length;

    public static ReadOnlySpan<byte> ProtectedHeaderPrefix => [0xA2, 0x01, 0x26, 0x04, 0x40 | KeyId.Length];
}
