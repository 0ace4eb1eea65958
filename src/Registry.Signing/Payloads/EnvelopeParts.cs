using Registry.Signing.Keys;

namespace Registry.Signing.Payloads;

/// <summary>
/// The pieces of a well-formed envelope; nothing in it has been verified yet. The two ranges hold the
/// encoded protected header and payload byte strings (CBOR head included), which the signature covers.
/// </summary>
internal readonly record struct EnvelopeParts(
    KeyId KeyId,
    ReadOnlyMemory<byte> Claims,
    ReadOnlyMemory<byte> Signature,
    Range EncodedProtectedHeader,
    Range EncodedPayload);
