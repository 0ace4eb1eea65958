using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

public sealed class ChineseNameAnalyzerTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalyzers.ChineseName;

    [Fact]
    public void A_traditional_name_gives_simplified_unigrams_and_stacked_bigrams_with_offsets_into_the_original()
    {
        var tokens = Analyzer.Tokens("杭州夢金園黃金有限公司");

        Analyzer.Described("杭州夢金園黃金有限公司").ShouldBe(
        [
            "杭@0:0-1", "杭州@0:0-2", "州@1:1-2", "州梦@1:1-3", "梦@2:2-3", "梦金@2:2-4", "金@3:3-4", "金园@3:3-5",
            "园@4:4-5", "园黄@4:4-6", "黄@5:5-6", "黄金@5:5-7", "金@6:6-7", "金有@6:6-8", "有@7:7-8", "有限@7:7-9",
            "限@8:8-9", "限公@8:8-10", "公@9:9-10", "公司@9:9-11", "司@10:10-11",
        ]);
        tokens.Where(t => t.Term.Length == 1).ShouldAllBe(t => t.Type == "<SINGLE>" && t.PositionLength == 1);
        tokens.Where(t => t.Term.Length == 2).ShouldAllBe(t => t.Type == "<DOUBLE>" && t.PositionLength == 2);
    }

    [Fact]
    public void Full_width_latin_is_folded_to_lower_case_half_width_but_offsets_stay_on_the_full_width_text()
    {
        const string text = "深圳市ＡＢＣ电器有限公司";
        var abc = Analyzer.Tokens(text).Single(t => t.Term == "abc");

        abc.Type.ShouldBe("<ALPHANUM>");
        text[abc.StartOffset..abc.EndOffset].ShouldBe("ＡＢＣ");
        Analyzer.Terms(text).ShouldBe(
            ["深", "深圳", "圳", "圳市", "市", "abc", "电", "电器", "器", "器有", "有", "有限", "限", "限公", "公", "公司", "司"]);
    }

    [Fact]
    public void Latin_words_stay_whole_and_bigrams_do_not_cross_from_latin_to_han()
    {
        Analyzer.Described("TCL王牌电器").ShouldBe(
            ["tcl@0:0-3", "王@1:3-4", "王牌@1:3-5", "牌@2:4-5", "牌电@2:4-6", "电@3:5-6", "电器@3:5-7", "器@4:6-7"]);
    }

    [Fact]
    public void Numbers_are_their_own_tokens_full_width_digits_included()
    {
        Analyzer.Terms("２０２４年3.5匹").ShouldBe(["2024", "年", "3.5", "匹"]);
        Analyzer.Terms("KFR-35GW 美的").ShouldBe(["kfr", "35gw", "美", "美的", "的"]);
    }

    [Fact]
    public void Every_offset_of_a_traditional_name_selects_the_original_characters_the_term_folds_from()
    {
        const string text = "臺灣東門電器發展有限公司 (Taipei)";
        foreach (var token in Analyzer.Tokens(text))
        {
            ChineseFolding.FoldForMatching(text[token.StartOffset..token.EndOffset]).ShouldBe(token.Term);
        }
    }

    [Fact]
    public void Traditional_and_simplified_spellings_give_the_same_terms()
    {
        Analyzer.Tokens("杭州夢金園黃金有限公司").ShouldBe(Analyzer.Tokens("杭州梦金园黄金有限公司"));
        Analyzer.Terms("臺灣東門電器發展有限公司").ShouldBe(Analyzer.Terms("台湾东门电器发展有限公司"));
    }

    [Theory]
    [InlineData("梦金")]
    [InlineData("夢金")]
    [InlineData("金园黄金")]
    [InlineData("有限公司")]
    [InlineData("园")]
    public void The_terms_of_a_substring_query_are_among_the_indexed_name_terms(string query)
    {
        var indexed = Analyzer.Terms("杭州梦金园黄金有限公司").ToHashSet();
        var queried = Analyzer.Terms(query);

        queried.ShouldNotBeEmpty();
        queried.ShouldAllBe(term => indexed.Contains(term));
    }

    [Fact]
    public void Blanks_break_bigrams()
    {
        Analyzer.Terms("中国 北京").ShouldNotContain("国北");
    }
}
