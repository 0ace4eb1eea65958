using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// The analyzers, one instance each: Lucene analyzers are thread-safe and keep per-thread token stream
/// components for reuse, so sharing them is both allowed and cheaper.
/// </summary>
public static class SearchAnalyzers
{
    public static Analyzer ChineseName { get; } = new ChineseNameAnalyzer();

    public static Analyzer EnglishName { get; } = new EnglishNameAnalyzer();

    /// <summary>Index side of type-ahead (edge n-grams).</summary>
    public static Analyzer Prefix { get; } = new PrefixAnalyzer();

    /// <summary>Query side of type-ahead: the folded typed text as one term.</summary>
    public static Analyzer PrefixQuery { get; } = new PrefixQueryAnalyzer();

    /// <summary>Runs an analyzer over a text, for building queries in code and for highlighting.</summary>
    public static IReadOnlyList<AnalyzedToken> Analyze(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(
                term.ToString(), position, length.PositionLength, offset.StartOffset, offset.EndOffset, type.Type));
        }

        stream.End();
        return tokens;
    }
}
