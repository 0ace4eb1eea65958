using Lucene.Net.Analysis;
using Lucene.Net.Analysis.NGram;
using Lucene.Net.Util;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// Index side of type-ahead: every leading run of the folded whole name, 1 to <see cref="MaxGram"/> code
/// points, is a term, so a prefix query is a plain term query. The query side is <see cref="PrefixQueryAnalyzer"/>.
/// </summary>
public sealed class PrefixAnalyzer : Analyzer
{
    /// <summary>Longer typed prefixes are cut to this length, which still finds the name.</summary>
    public const int MaxGram = 20;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var (tokenizer, folded) = WholeTextFolding.Create(reader);
        var stream = new EdgeNGramTokenFilter(LuceneVersion.LUCENE_48, folded, 1, MaxGram);
        return new TokenStreamComponents(tokenizer, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new TraditionalToSimplifiedCharFilter(reader);
}
