using System.Text;

namespace Registry.Web.Features.Verification.Upload;

/// <summary>
/// A foreign code's text as the page shows it: at most <see cref="MaxLength"/> characters, and no control or
/// invisible formatting characters (a right-to-left override could make a link read as another). HTML
/// encoding is Razor's job; this only makes what is encoded honest to look at.
/// </summary>
public static class DisplayText
{
    public const int MaxLength = 200;

    public static string Of(string text)
    {
        var cut = text.Length > MaxLength;
        var length = cut ? MaxLength - (char.IsHighSurrogate(text[MaxLength - 1]) ? 1 : 0) : text.Length;
        var shown = new StringBuilder(length + 1);
        foreach (var c in text.AsSpan(0, length))
        {
            var category = char.GetUnicodeCategory(c);
            shown.Append(category is UnicodeCategory.Control or UnicodeCategory.Format ? '\uFFFD' : c);
        }

        return cut ? shown.Append('…').ToString() : shown.ToString();
    }
}
