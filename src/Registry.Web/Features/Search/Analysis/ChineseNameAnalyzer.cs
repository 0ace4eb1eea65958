using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// Chinese names, scopes and addresses, at index and at query time. Each Han character is a token and adjacent
/// pairs are bigrams, rather than dictionary words (Lucene.Net.Analysis.SmartCn): a company name is mostly
/// words no dictionary holds, and people type any part of it, so a query for 梦金 must match the
/// bigram inside 杭州梦金园, a single typed character still matches its unigram, and Latin words and numbers in
/// mixed names (TCL王牌) stay whole words.
/// </summary>
public sealed class ChineseNameAnalyzer : Analyzer
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, CJKScript.ALL, outputUnigrams: true);
        return new TokenStreamComponents(tokenizer, stream);
    }

    // Folding before the tokenizer means the bigram filter pairs simplified characters, so traditional and
    // simplified spellings of a name give the same terms.
    protected override TextReader InitReader(string fieldName, TextReader reader) =>
        new TraditionalToSimplifiedCharFilter(reader);
}
