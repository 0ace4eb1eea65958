using System.Buffers;

namespace Registry.Signing.Claims;

/// <summary>
/// A normalized certificate number read as a bijective base-36 numeral ('0'–'9' are digits 1–10, 'A'–'Z' are
/// 11–36) and written as the shortest big-endian byte string. Bijective numerals have no zero digit, so
/// leading '0' characters survive and every byte string decodes to at most one number.
/// </summary>
internal static class CertificateNumberPacking
{
    // The domain's limits for normalized numbers, frozen for format version 1.
    public const int MinLength = 6;
    public const int MaxLength = 40;

    /// <summary>36^40 × 36/35 &lt; 2^208: 40 characters always fit in 26 bytes.</summary>
    public const int MaxBytes = 26;

    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int Base = 36;

    private static readonly SearchValues<char> DigitValues = SearchValues.Create(Digits);

    public static byte[] Pack(string normalized)
    {
        if (normalized is not { Length: >= MinLength and <= MaxLength } || normalized.AsSpan().ContainsAnyExcept(DigitValues))
        {
            throw new ArgumentException(
                $"'{normalized}' is not a normalized certificate number ({MinLength} to {MaxLength} characters, A-Z and 0-9 only).", nameof(normalized));
        }

        Span<byte> value = stackalloc byte[MaxBytes];
        value.Clear();
        foreach (var c in normalized)
        {
            BigEndianNatural.TryMultiplyAdd(value, Base, Digits.IndexOf(c, StringComparison.Ordinal) + 1);
        }

        var first = value.IndexOfAnyExcept((byte)0);
        return value[first..].ToArray();
    }

    /// <summary>Refuses leading zero bytes (two spellings of one number) and results outside 6–40 characters.</summary>
    public static bool TryUnpack(ReadOnlySpan<byte> packed, out string normalized)
    {
        normalized = string.Empty;
        if (packed.Length is 0 or > MaxBytes || packed[0] == 0)
        {
            return false;
        }

        Span<byte> value = stackalloc byte[packed.Length];
        packed.CopyTo(value);
        Span<char> reversed = stackalloc char[MaxLength];
        var length = 0;
        while (!BigEndianNatural.IsZero(value))
        {
            if (length == reversed.Length)
            {
                return false;
            }

            var digit = BigEndianNatural.DivideInPlace(value, Base);
            if (digit == 0)
            {
                // In bijective numeration the remainder 0 stands for the digit 36, borrowed from the quotient.
                digit = Base;
                BigEndianNatural.Decrement(value);
            }

            reversed[length++] = Digits[digit - 1];
        }

        if (length < MinLength)
        {
            return false;
        }

        var chars = reversed[..length];
        chars.Reverse();
        normalized = new string(chars);
        return true;
    }
}
