using System.Text;

namespace Registry.Domain.Identifiers;

/// <summary>
/// Folds an identifier however a person typed it (full-width forms from a Chinese IME, lower case, spaces
/// and the separators printed on certificates) into the one canonical spelling used for look-ups.
/// Written by hand rather than with Unicode NFKC because NFKC also rewrites unrelated characters
/// (circled digits, ligatures) that must stay malformed rather than silently match.
/// </summary>
public static class IdentifierText
{
    private const char FullWidthFirst = '\uFF01';
    private const char FullWidthLast = '\uFF5E';
    private const int FullWidthOffset = 0xFEE0;

    public static string Fold(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var folded = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            var half = ToHalfWidth(c);
            if (IsSeparator(half))
            {
                continue;
            }

            folded.Append(ToAsciiUpper(half));
        }

        return folded.ToString();
    }

    /// <summary>Upper-cases ASCII letters only: invariant upper-casing would turn ſ into S and let it match.</summary>
    public static char ToAsciiUpper(char c) => char.IsAsciiLetterLower(c) ? (char)(c - ('a' - 'A')) : c;

    /// <summary>Zero-width characters that ride along when a number is copied from a web page or chat.</summary>
    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    public static char ToHalfWidth(char c) =>
        c is >= FullWidthFirst and <= FullWidthLast ? (char)(c - FullWidthOffset)
        : c == '\u3000' ? ' '
        : c;

    /// <summary>Characters people put between the parts of a number; none of them carries meaning.</summary>
    public static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || IsInvisible(c) || c switch
        {
            '-' or '/' or '\\' or '.' or '_' or ':' => true,
            '\u00B7' or '\u30FB' or '\uFF65' or '\u2022' => true,                 // middle dots: · ・ ･ •
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => true, // dashes
            _ => false,
        };
}
