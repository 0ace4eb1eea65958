using Microsoft.AspNetCore.Html;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.Search;

/// <summary>Renders marked segments as HTML: the text is encoded, only the &lt;mark&gt; tags are markup.</summary>
public static class HighlightedText
{
    public static IHtmlContent Render(IReadOnlyList<TextSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new HtmlContentBuilder();
        foreach (var segment in segments)
        {
            if (segment.Matched)
            {
                html.AppendHtml("<mark>").Append(segment.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(segment.Text);
            }
        }

        return html;
    }
}
