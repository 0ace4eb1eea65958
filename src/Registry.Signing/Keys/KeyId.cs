using System.Buffers.Binary;
using System.Buffers.Text;

namespace Registry.Signing.Keys;

/// <summary>
/// The short key id printed in every code: the first four bytes of the key's RFC 7638 thumbprint. It only
/// selects a key; the signature proves the key. A value type, so that looking a key up allocates nothing.
/// </summary>
public readonly record struct KeyId(uint Value)
{
    public const int Length = 4;

    public static KeyId FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new KeyId(BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : throw new ArgumentException($"A key id has {Length} bytes.", nameof(bytes));

    /// <summary>Reads the JWKS spelling: base64url without padding, six characters.</summary>
    public static bool TryParse(string? text, out KeyId id)
    {
        id = default;
        Span<byte> bytes = stackalloc byte[Length];
        if (text is not { Length: 6 } || !Base64Url.IsValid(text, out var decodedLength) || decodedLength != Length)
        {
            return false;
        }

        var written = Base64Url.DecodeFromChars(text, bytes);
        if (written != Length || Base64Url.EncodeToString(bytes) != text)
        {
            // A second spelling of the same bytes (stray low bits in the last character) is not a key id.
            return false;
        }

        id = FromBytes(bytes);
        return true;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Value);
        return bytes;
    }

    public override string ToString() => Base64Url.EncodeToString(ToBytes());
}
