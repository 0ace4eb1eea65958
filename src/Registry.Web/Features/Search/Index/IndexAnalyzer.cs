using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;
using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Features.Search.Index;

/// <summary>Which analyser reads which field; keys (numbers, codes, facets) are indexed as they are.</summary>
public static class IndexAnalyzer
{
    public static Analyzer Instance { get; } = new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        new Dictionary<string, Analyzer>
        {
            [SearchFields.Name] = SearchAnalyzers.ChineseName,
            [SearchFields.Scope] = SearchAnalyzers.ChineseName,
            [SearchFields.Address] = SearchAnalyzers.ChineseName,
            [SearchFields.NameEn] = SearchAnalyzers.EnglishName,
            [SearchFields.ScopeEn] = SearchAnalyzers.EnglishName,
            [SearchFields.Suggest] = SearchAnalyzers.Prefix,
        });

    internal static LuceneVersion Version => LuceneVersion.LUCENE_48;
}
