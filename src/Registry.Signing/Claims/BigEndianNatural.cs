namespace Registry.Signing.Claims;

/// <summary>
/// Arithmetic on unsigned big-endian integers held in a fixed span: enough to pack identifiers into as few
/// bytes as possible without BigInteger's allocations on the verification path.
/// </summary>
internal static class BigEndianNatural
{
    /// <summary>value = value × multiplier + addend; false when the result no longer fits.</summary>
    public static bool TryMultiplyAdd(Span<byte> value, int multiplier, int addend)
    {
        var carry = addend;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            var product = (value[i] * multiplier) + carry;
            value[i] = (byte)product;
            carry = product >> 8;
        }

        return carry == 0;
    }

    /// <summary>value = value / divisor; returns the remainder.</summary>
    public static int DivideInPlace(Span<byte> value, int divisor)
    {
        var remainder = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var current = (remainder << 8) | value[i];
            value[i] = (byte)(current / divisor);
            remainder = current % divisor;
        }

        return remainder;
    }

    /// <summary>value = value − 1 for a value known to be positive.</summary>
    public static void Decrement(Span<byte> value)
    {
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (value[i]-- != 0)
            {
                return;
            }
        }
    }

    public static bool IsZero(ReadOnlySpan<byte> value) => !value.ContainsAnyExcept((byte)0);
}
