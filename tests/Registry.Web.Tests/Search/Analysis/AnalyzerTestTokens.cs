using Lucene.Net.Analysis;
using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

internal static class AnalyzerTestTokens
{
    public static IReadOnlyList<AnalyzedToken> Tokens(this Analyzer analyzer, string text) =>
        SearchAnalyzers.Analyze(analyzer, "field", text);

    public static List<string> Terms(this Analyzer analyzer, string text) =>
        [.. analyzer.Tokens(text).Select(t => t.Term)];

    /// <summary>"term@position:start-end", compact enough to compare a whole token stream in one assertion.</summary>
    public static List<string> Described(this Analyzer analyzer, string text) =>
        [.. analyzer.Tokens(text).Select(t => $"{t.Term}@{t.Position}:{t.StartOffset}-{t.EndOffset}")];
}
