using System.Text;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// Cleans typed text before anything reads it: control characters, broken surrogates and invisible format
/// characters go (zero-width spaces, byte-order marks and direction marks ride along with names pasted from web
/// pages, and would keep a pasted name from matching the name it shows), spaces collapse.
/// </summary>
public static class SearchText
{
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(Math.Min(raw.Length, 4 * SearchRequest.MaxTextLength));
        var lastWasSpace = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                clean.Append(c).Append(raw[++i]);
                lastWasSpace = false;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && !char.IsWhiteSpace(c))
                || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }
            else if (char.IsWhiteSpace(c) || c == '\u3000')
            {
                if (!lastWasSpace)
                {
                    clean.Append(' ');
                }

                lastWasSpace = true;
            }
            else
            {
                clean.Append(c);
                lastWasSpace = false;
            }
        }

        return clean.ToString().TrimEnd();
    }
}
