using System.Security.Cryptography;
using System.Text.Json;

namespace Registry.Web.Features.Publishing;

/// <summary>What a client's idempotency key may look like, and what counts as "the same request".</summary>
public static class IdempotencyKeys
{
    /// <summary>Room for a UUID or a client's own request id; bulk rows add "/row" to the request's key.</summary>
    public const int MaxLength = 100;

    /// <summary>The stored column, with room for the row suffix of bulk requests.</summary>
    public const int MaxStoredLength = MaxLength + 8;

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web);

    /// <summary>1 to <see cref="MaxLength"/> printable ASCII characters, no spaces.</summary>
    public static bool IsValid(string? key) => IsValid(key, MaxLength);

    /// <summary>A client's key, or (with <paramref name="maxLength"/> = <see cref="MaxStoredLength"/>) a bulk row's key derived from one.</summary>
    public static bool IsValid(string? key, int maxLength) =>
        key is { Length: > 0 } && key.Length <= maxLength && key.All(c => c is > ' ' and <= '~');

    /// <summary>The key of row <paramref name="row"/> of a bulk request sent with <paramref name="key"/>.</summary>
    public static string ForRow(string key, int row) => $"{key}/{row}";

    /// <summary>
    /// SHA-256 over the operation's name and the request as JSON. Requests are records of plain values, so two
    /// requests hash alike exactly when every field is the same as sent.
    /// </summary>
    public static byte[] RequestHash(string operation, object request)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new { operation, request = (object)request }, Canonical);
        return SHA256.HashData(json);
    }
}
