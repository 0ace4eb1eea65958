using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace Registry.Web.Features.Search.Analysis;

/// <summary>
/// The chain both prefix analyzers share, so indexed prefixes and typed prefixes are folded identically: the
/// whole text as one token, full-width forms to half-width, lower case, surrounding blanks trimmed, blank
/// input dropped. (Traditional to simplified happens earlier, in the analyzers' char filter.)
/// </summary>
internal static class WholeTextFolding
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static (Tokenizer Tokenizer, TokenStream Folded) Create(TextReader reader)
    {
        var tokenizer = new KeywordTokenizer(reader);
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new TrimFilter(Version, stream);
        // KeywordTokenizer emits one token even for empty input; an empty term matches nothing useful.
        stream = new LengthFilter(Version, stream, 1, int.MaxValue);
        return (tokenizer, stream);
    }
}
