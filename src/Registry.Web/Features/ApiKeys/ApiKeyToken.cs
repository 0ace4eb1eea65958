using System.Security.Cryptography;
using System.Text;

namespace Registry.Web.Features.ApiKeys;

/// <summary>
/// The wire form of an API key: <c>srk_</c>, a 16-character public key id, <c>_</c>, and 43 characters of
/// secret (32 random bytes, base64url). The key id lets the server find the one row to compare with; the
/// secret is compared only as a hash, in constant time. See README.md for why SHA-256 is enough here.
/// </summary>
public static class ApiKeyToken
{
    public const string Prefix = "srk_";
    public const int KeyIdLength = 16;
    public const int SecretBytes = 32;
    public const int SecretLength = 43;
    public const int Length = 4 + KeyIdLength + 1 + SecretLength;
    public const int HashLength = 32;

    // Lower-case RFC 4648 base32: case-proof when an operator types or reads a key id aloud.
    private const string KeyIdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new key: its public id, the token to hand to the body once, and the hash to store.</summary>
    public static (string KeyId, string Token, byte[] Hash) Create()
    {
        var keyId = RandomNumberGenerator.GetString(KeyIdAlphabet, KeyIdLength);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = $"{Prefix}{keyId}_{secret}";
        return (keyId, token, Hash(token));
    }

    /// <summary>Reads the key id out of a token that has the right shape; says nothing about whether it is genuine.</summary>
    public static bool TryReadKeyId(string? token, out string keyId)
    {
        keyId = string.Empty;
        if (token is not { Length: Length } || !token.StartsWith(Prefix, StringComparison.Ordinal) || token[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        var id = token.AsSpan(Prefix.Length, KeyIdLength);
        var secret = token.AsSpan(Prefix.Length + KeyIdLength + 1);
        if (!IsKeyId(id) || !IsBase64Url(secret))
        {
            return false;
        }

        keyId = id.ToString();
        return true;
    }

    public static bool IsKeyId(ReadOnlySpan<char> text)
    {
        if (text.Length != KeyIdLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!KeyIdAlphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Constant-time comparison of a presented token with a stored hash.</summary>
    public static bool Matches(string token, byte[] storedHash) =>
        storedHash.Length == HashLength && CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);

    private static bool IsBase64Url(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
