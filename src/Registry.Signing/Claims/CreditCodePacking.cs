using Registry.Domain.Identifiers;

namespace Registry.Signing.Claims;

/// <summary>
/// The first 17 characters of a credit code as a base-31 number (GB 32100 alphabet order) in exactly 11
/// big-endian bytes. The check character is not sent: the reader recomputes it, which saves a byte and
/// means a decoded code always passes its own check.
/// </summary>
internal static class CreditCodePacking
{
    /// <summary>31^17 &lt; 2^85.</summary>
    public const int Bytes = 11;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const int Base = 31;
    private const int PackedLength = 17;

    public static byte[] Pack(string creditCode)
    {
        if (!CreditCode.TryParse(creditCode, out var parsed, out var failure) || parsed.Value != creditCode)
        {
            throw new ArgumentException($"'{creditCode}' is not a valid credit code in its canonical form. {failure.Message}", nameof(creditCode));
        }

        var value = new byte[Bytes];
        for (var i = 0; i < PackedLength; i++)
        {
            BigEndianNatural.TryMultiplyAdd(value, Base, Alphabet.IndexOf(creditCode[i], StringComparison.Ordinal));
        }

        return value;
    }

    public static bool TryUnpack(ReadOnlySpan<byte> packed, out string creditCode)
    {
        creditCode = string.Empty;
        if (packed.Length != Bytes)
        {
            return false;
        }

        Span<byte> value = stackalloc byte[Bytes];
        packed.CopyTo(value);
        Span<char> chars = stackalloc char[CreditCode.Length];
        for (var i = PackedLength - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[BigEndianNatural.DivideInPlace(value, Base)];
        }

        if (!BigEndianNatural.IsZero(value))
        {
            return false;
        }

        chars[PackedLength] = CreditCode.CheckCharacter(chars[..PackedLength]);
        var text = new string(chars);

        // The domain's parser also insists on a six-digit division code in positions 3–8.
        if (!CreditCode.TryParse(text, out _, out _))
        {
            return false;
        }

        creditCode = text;
        return true;
    }
}
