using Lucene.Net.Analysis;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// Query side of type-ahead: the typed text folded exactly as <see cref="PrefixAnalyzer"/> folds names, but
/// not split into n-grams, so it yields one term (or none for blank input) to look up among the indexed prefixes.
/// </summary>
public sealed class PrefixQueryAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var (tokenizer, folded) = WholeTextFolding.Create(reader);
        return new TokenStreamComponents(tokenizer, new CodePointTruncateFilter(folded, PrefixAnalyzer.MaxGram));
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new TraditionalToSimplifiedCharFilter(reader);
}
