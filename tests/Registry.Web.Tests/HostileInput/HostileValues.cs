namespace Registry.Web.Tests.HostileInput;

/// <summary>One hostile value, as text (what goes into a JSON string, a CSV cell or a GraphQL string) or as raw bytes.</summary>
public sealed record HostileValue(string Class, string? Text, byte[]? Utf8Invalid = null)
{
    /// <summary>The value percent-encoded for an address: invalid bytes as they are, text as UTF-8 (lone surrogates as their WTF-8 bytes).</summary>
    public string Escaped()
    {
        var bytes = Utf8Invalid ?? Wtf8(Text ?? string.Empty);
        var escaped = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            escaped.Append(char.IsAsciiLetterOrDigit((char)b) ? ((char)b).ToString() : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return escaped.ToString();
    }

    /// <summary>The value as a JSON string literal, escaping every character outside printable ASCII so that lone surrogates survive as \uD800.</summary>
    public string JsonLiteral()
    {
        var json = new StringBuilder("\"");
        foreach (var c in Text ?? string.Empty)
        {
            json.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return json.Append('"').ToString();
    }

    /// <summary>The value as a GraphQL string literal, escaped the same way (GraphQL strings take \uXXXX too).</summary>
    public string GraphQLLiteral() => JsonLiteral();

    // Like UTF-8, but a lone surrogate becomes the three bytes it would have in CESU (what careless encoders send).
    private static byte[] Wtf8(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, 2)));
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                int c = text[i];
                bytes.AddRange([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return [.. bytes];
    }
}

/// <summary>
/// The classes of hostile input the review named, and their neighbours: control characters and NUL, unpaired
/// surrogates, bidirectional controls, noncharacters, text NFC rewrites, bytes that are not UTF-8 or are another
/// encoding, the huge and the empty, wrong types, dates and numbers at and past every edge, and the usual injection
/// shapes. Drawn with a seeded generator, so a failing run can be repeated.
/// </summary>
public sealed class HostileValues(int seed)
{
    private static readonly HostileValue[] Fixed =
    [
        new("nul", "AB\0CDEF"),
        new("nul", "\0"),
        new("control", "A\u0001\u0002\u001F\u007FB"),
        new("control", "line\nbreak\tand\rreturn"),
        new("control", "\u0085\u009F"),
        new("surrogate", "\uD800"),
        new("surrogate", "X\uDC00Y"),
        new("surrogate", "\uDBFF\uDBFF"),
        new("bidi", "ABC\u202EFED"),
        new("bidi", "\u2066\u2069\u200E\u200F"),
        new("noncharacter", "\uFFFE\uFFFF\uFDD0"),
        new("nfc", "\uF900\uF91D"),
        new("nfc", "\u212A\u2126"),
        new("nfc", "e\u0301"),
        new("invisible", "\uFEFF\u200B\u2060"),
        new("empty", string.Empty),
        new("empty", "   "),
        new("empty", "\u3000"),
        new("utf8", null, [0xFF, 0xFE, 0xFD]),
        new("utf8", null, [0xC0, 0xAF]),
        new("utf8", null, [0xED, 0xA0, 0x80]),
        new("utf8", null, [0xE6, 0xA2]),
        new("utf8", null, [0xF4, 0x90, 0x80, 0x80]),
        new("encoding", null, Encoding.Latin1.GetBytes("caf\u00E9")),
        new("encoding", null, [0xD5, 0xE3, 0xBD, 0xAD]), // 浙江 in GB18030
        new("encoding", null, Encoding.Unicode.GetBytes("浙江")),
        new("date", "0001-01-01"),
        new("date", "9999-12-31"),
        new("date", "2024-02-30"),
        new("date", "1999-12-31"),
        new("date", "2200-01-01"),
        new("date", "9999-12-31T16:00:00Z"),
        new("date", "0001-01-01T00:00:00+14:00"),
        new("date", "2026-13-01"),
        new("number", "-1"),
        new("number", "9223372036854775808"),
        new("number", "1e309"),
        new("number", "NaN"),
        new("number", "0x10"),
        new("number", "99.999999999999999999"),
        new("injection", "' OR 1=1 --"),
        new("injection", "<script>alert(1)</script>"),
        new("injection", "../../../etc/passwd"),
        new("injection", "%2e%2e%2f%00"),
        new("injection", "${jndi:ldap://x}"),
        new("injection", "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /"),
        new("injection", "{{7*7}}"),
        new("identifier", "ＳＣ２０２３－００１"),
        new("identifier", "91330106MA27XK6L3Q"),
        new("identifier", "①②③④⑤⑥"),
        new("identifier", "HTTPS://EVIL.EXAMPLE/V/AAAA"),
    ];

    private readonly Random _random = new(seed);

    public static IReadOnlyList<HostileValue> Catalogue => Fixed;

    public HostileValue Next()
    {
        var roll = _random.Next(100);
        if (roll < 8)
        {
            // Long: past every field's limit; once in a while far past any request limit.
            var length = roll < 1 ? 300_000 : _random.Next(2, 6) * 1000;
            return new HostileValue("huge", new string("梦A\u0000x"[_random.Next(4)], length));
        }

        if (roll < 14)
        {
            return new HostileValue("mixed", Fixed[_random.Next(Fixed.Length)].Text + "测试" + Fixed[_random.Next(Fixed.Length)].Text);
        }

        return Fixed[_random.Next(Fixed.Length)];
    }

    public int Between(int min, int max) => _random.Next(min, max);

    public bool Chance(int percent) => _random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A JSON value of any type, a hostile string most of the time.</summary>
    public string AnyJson(string? validString = null) => _random.Next(12) switch
    {
        0 => "123",
        1 => "true",
        2 => "null",
        3 => "[1, \"a\", {}]",
        4 => "{\"nested\": {\"deeper\": [\"\\u0000\"]}}",
        5 => "1e400",
        6 when validString is not null => JsonString(validString),
        _ => Next().JsonLiteral(),
    };

    public static string JsonString(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
