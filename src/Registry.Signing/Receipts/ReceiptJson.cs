using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Signing.Receipts;

/// <summary>
/// The JSON of a receipt's claims. Every member is always written (null where a row has no value), and reading is
/// strict: an unknown member, a missing one or a null where the format has none is refused, because a version-1
/// reader must not silently skip what a later version adds.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(ReceiptClaims))]
internal sealed partial class ReceiptJson : JsonSerializerContext
{
    public static byte[] Write(ReceiptClaims claims) => JsonSerializer.SerializeToUtf8Bytes(claims, Default.ReceiptClaims);

    public static ReceiptClaims Read(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, Default.ReceiptClaims) ?? throw new JsonException("The claims are null.");
}
