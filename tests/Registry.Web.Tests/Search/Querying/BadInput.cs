namespace Registry.Web.Tests.Search.Querying;

/// <summary>What people (and scripts) type into a search box that a search must survive.</summary>
public static class BadInput
{
    public const string LuceneSpecials = "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /";

    /// <summary>Every Lucene special character on its own, then the lot run together and in query shapes.</summary>
    public static IReadOnlyList<string> LuceneSyntax { get; } =
    [
        .. LuceneSpecials.Split(' '),
        LuceneSpecials.Replace(" ", string.Empty, StringComparison.Ordinal),
        LuceneSpecials,
        "name:* OR \"(",
        "*:*",
        "梦金园^100",
        "\"梦金园",
        "梦金园\\",
        "{* TO *}",
        "/.*/",
        "海尔 && !格力 || (美的)",
        "credit_code:91*",
    ];

    /// <summary>Input that is not Lucene syntax but is still not a name: blanks, control characters, broken UTF-16, markup, SQL.</summary>
    public static IReadOnlyList<string> Odd { get; } =
    [
        " ",
        "   \t  ",
        "\u3000\u3000",
        "\r\n",
        "\u0000",
        "\u0001\u0002\u001F\u007F",
        "梦金\u0000园",
        "\uD800",
        "\uDC00梦金园",
        "梦金园\uD83D",
        "\uDC00\uD800",
        "😀",
        "梦金园😀",
        "👨‍👩‍👧‍👦",
        "\uFEFF\u200B\u200E\u202E",
        "' OR 1=1 --",
        "'; DROP TABLE certificates; --",
        "%_%",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "&lt;b&gt;",
        "ｎａｍｅ：＊",
        "٣٤٥",
        "𠀀𠀁",
    ];

    /// <summary>Far more than a search box allows (10 KB and more).</summary>
    public static IReadOnlyList<string> TooLong { get; } =
    [
        new string('a', 10_240),
        new string('夢', 10_240),
        string.Concat(Enumerable.Repeat("梦金园 ", 2_000)),
        string.Concat(Enumerable.Repeat("😀", 5_120)),
        new string(' ', 10_240),
    ];

    /// <summary>Lucene syntax and odd input together.</summary>
    public static IReadOnlyList<string> Inputs { get; } = [.. LuceneSyntax, .. Odd];

    /// <summary>
    /// Index into <see cref="Inputs"/> and a printable label: test data must serialise, and a lone surrogate
    /// does not, so the theory gets the index and finds the string itself.
    /// </summary>
    public static TheoryData<int, string> Cases
    {
        get
        {
            var cases = new TheoryData<int, string>();
            for (var i = 0; i < Inputs.Count; i++)
            {
                cases.Add(i, Label(Inputs[i]));
            }

            return cases;
        }
    }

    public static string Label(string input) =>
        string.Concat(input.Select(c => char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
            ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
            : new string(c, 1)));
}
