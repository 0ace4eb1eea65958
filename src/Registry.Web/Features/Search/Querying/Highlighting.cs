using Lucene.Net.Analysis;
using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Features.Search.Querying;

/// <summary>A piece of displayed text, marked when it matched the query.</summary>
public sealed record TextSegment(string Text, bool Matched);

/// <summary>
/// Marks the parts of a name that matched, using the analyser's own offsets into the original text, so traditional
/// or full-width typing highlights the characters as written (the reason this is not Lucene.Net.Highlighter: see
/// the feature's README).
/// </summary>
public static class Highlighting
{
    public static IReadOnlyList<TextSegment> Mark(Analyzer analyzer, string field, string text, IReadOnlySet<string> matchedTerms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matchedTerms);
        if (matchedTerms.Count == 0 || text.Length == 0)
        {
            return [new TextSegment(text, false)];
        }

        var marked = new bool[text.Length];
        foreach (var token in SearchAnalyzers.Analyze(analyzer, field, text))
        {
            if (matchedTerms.Contains(token.Term))
            {
                for (var i = Math.Max(0, token.StartOffset); i < Math.Min(text.Length, token.EndOffset); i++)
                {
                    marked[i] = true;
                }
            }
        }

        var segments = new List<TextSegment>();
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[start])
            {
                segments.Add(new TextSegment(text[start..i], marked[start]));
                start = i;
            }
        }

        return segments;
    }
}
