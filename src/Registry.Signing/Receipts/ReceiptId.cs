using System.Security.Cryptography;

namespace Registry.Signing.Receipts;

/// <summary>
/// A receipt id: 128 random bits in lower-case base32 (RFC 4648, no padding), 26 characters. Random rather than
/// sequential, so that knowing one receipt tells nothing about any other.
/// </summary>
public static class ReceiptId
{
    public const int Bytes = 16;
    public const int Length = 26;

    public static string New()
    {
        Span<byte> random = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(random);
        return Payloads.PayloadText.Encode(random).ToLowerInvariant();
    }

    /// <summary>The id in its one spelling (lower case), or null when the text is not a receipt id.</summary>
    public static string? Normalize(string? text)
    {
        if (text is not { Length: Length })
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        return Payloads.PayloadText.TryDecode(lower, out var bytes, out _) && bytes.Length == Bytes ? lower : null;
    }
}
