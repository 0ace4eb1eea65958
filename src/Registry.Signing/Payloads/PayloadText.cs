namespace Registry.Signing.Payloads;

/// <summary>
/// Base32 (RFC 4648 section 6 alphabet, no padding) written in upper case so that the whole URL fits the QR
/// alphanumeric mode. Reading accepts lower case, since some scanner apps lower-case what they show, and
/// nothing else: no padding, no spaces, no characters outside the alphabet, and the unused low bits of the
/// last character must be zero, so that each envelope has exactly one upper-case spelling.
/// </summary>
public static class PayloadText
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[((bytes.Length * 8) + 4) / 5];
        var buffer = 0;
        var bits = 0;
        var next = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[next++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            chars[next] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(chars);
    }

    public static bool TryDecode(string? text, out byte[] bytes, out Rejection rejection)
    {
        bytes = [];
        if (string.IsNullOrEmpty(text))
        {
            rejection = new Rejection(NotGenuineReason.BadEncoding, "The payload is empty.");
            return false;
        }

        if (text.Length > PayloadLimits.MaxPayloadTextLength)
        {
            rejection = new Rejection(NotGenuineReason.TooLarge,
                $"The payload has {text.Length} characters; a genuine one has at most {PayloadLimits.MaxPayloadTextLength}.");
            return false;
        }

        // 1, 3 and 6 characters past a multiple of 8 cannot end a whole number of bytes.
        if ((text.Length % 8) is 1 or 3 or 6)
        {
            rejection = new Rejection(NotGenuineReason.BadEncoding, $"{text.Length} base32 characters cannot encode whole bytes (truncated?).");
            return false;
        }

        var result = new byte[text.Length * 5 / 8];
        var buffer = 0;
        var bits = 0;
        var next = 0;
        foreach (var c in text)
        {
            var value = ValueOf(c);
            if (value < 0)
            {
                rejection = new Rejection(NotGenuineReason.BadEncoding,
                    c == '=' ? "Base32 padding ('=') is not used by this format." : $"'{Printable(c)}' is not a base32 character (A-Z, 2-7).");
                return false;
            }

            buffer = ((buffer << 5) | value) & 0xFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                result[next++] = (byte)(buffer >> bits);
            }
        }

        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            rejection = new Rejection(NotGenuineReason.BadEncoding, "The last base32 character has stray low bits: the payload was altered.");
            return false;
        }

        bytes = result;
        rejection = default;
        return true;
    }

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };

    private static string Printable(char c) => char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : c.ToString();
}
