using System.Security.Cryptography;
using System.Text;
using Registry.Signing.Payloads;

namespace Registry.Web.Features.WatchLists;

/// <summary>
/// The two links' secrets: the edit token is 128 random bits; the view token is the first 128 bits of
/// SHA-256("star-registry/watch-list/view" 0x00 edit token), so whoever can edit can also find the view link, and
/// whoever can view cannot edit. Both are 26 characters of lower-case base32. Only their SHA-256 is stored.
/// </summary>
public static class WatchListTokens
{
    public const int Length = 26;

    public static (string View, string Edit) New()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        var edit = PayloadText.Encode(random).ToLowerInvariant();
        return (ViewOf(edit), edit);
    }

    public static string ViewOf(string editToken)
    {
        var derived = SHA256.HashData(Encoding.ASCII.GetBytes("star-registry/watch-list/view\0" + editToken));
        return PayloadText.Encode(derived.AsSpan(0, 16)).ToLowerInvariant();
    }

    /// <summary>The stored form of a token, or null when the text is not a token (so no lookup is made).</summary>
    public static byte[]? Hash(string? token)
    {
        if (token is not { Length: Length })
        {
            return null;
        }

        var lower = token.ToLowerInvariant();
        return PayloadText.TryDecode(lower, out var bytes, out _) && bytes.Length == 16 ? SHA256.HashData(Encoding.ASCII.GetBytes(lower)) : null;
    }
}
