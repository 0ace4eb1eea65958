using System.Collections.Frozen;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// Folds traditional Chinese characters to simplified ones (OpenCC's character table), so that 夢金園 and 梦金园
/// are the same name to search. Folding is one character for one character: offsets into the original text
/// stay valid, which highlighting depends on.
/// </summary>
public static class ChineseFolding
{
    // A 64K table indexed by the character: one array read per character on the hot path of indexing.
    private static readonly char[] Table = BuildTable();

    /// <summary>The traditional characters this table folds, with their simplified forms (for tests and tools).</summary>
    internal static FrozenDictionary<char, char> Pairs { get; } = BuildPairs();

    public static char Fold(char c) => Table[c];

    public static string Fold(string text)
    {
        var first = FirstChange(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            state.text.AsSpan().CopyTo(span);
            for (var i = state.first; i < span.Length; i++)
            {
                span[i] = Table[span[i]];
            }
        });
    }

    /// <summary>
    /// The key for exact whole-name matches: simplified characters, half-width ASCII for full-width forms
    /// (ＡＢＣ１２３ and the ideographic space), ASCII lower case. Everything else is kept as typed.
    /// </summary>
    public static string FoldForMatching(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = FoldCharForMatching(source[i]);
            }
        });

    internal static void Fold(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Table[text[i]];
        }
    }

    private static char FoldCharForMatching(char c)
    {
        c = Table[c];
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            c = ' ';
        }

        return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
    }

    private static int FirstChange(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Table[text[i]] != text[i])
            {
                return i;
            }
        }

        return -1;
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
        }

        var pairs = TraditionalToSimplified.Pairs;
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            table[pairs[i]] = pairs[i + 1];
        }

        return table;
    }

    private static FrozenDictionary<char, char> BuildPairs()
    {
        var pairs = TraditionalToSimplified.Pairs;
        var map = new Dictionary<char, char>(pairs.Length / 2);
        for (var i = 0; i + 1 < pairs.Length; i += 2)
        {
            map[pairs[i]] = pairs[i + 1];
        }

        return map.ToFrozenDictionary();
    }
}
