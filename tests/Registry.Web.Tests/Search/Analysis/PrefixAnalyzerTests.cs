using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

public sealed class PrefixAnalyzerTests
{
    [Fact]
    public void Names_are_indexed_as_every_leading_run_of_the_folded_name()
    {
        SearchAnalyzers.Prefix.Terms("杭州夢金園").ShouldBe(["杭", "杭州", "杭州梦", "杭州梦金", "杭州梦金园"]);
        SearchAnalyzers.Prefix.Terms(" ＴＣＬ王牌 ").ShouldBe(["t", "tc", "tcl", "tcl王", "tcl王牌"]);
    }

    [Fact]
    public void Prefixes_stop_at_twenty_code_points()
    {
        var terms = SearchAnalyzers.Prefix.Terms("中华人民共和国国家市场监督管理总局认证认可技术研究中心");

        terms.Count.ShouldBe(PrefixAnalyzer.MaxGram);
        terms[^1].ShouldBe("中华人民共和国国家市场监督管理总局认证认");
    }

    [Theory]
    [InlineData("杭州夢", "杭州梦")]
    [InlineData("  杭州梦 ", "杭州梦")]
    [InlineData("ＴＣＬ", "tcl")]
    [InlineData("Haier Gr", "haier gr")]
    public void A_typed_prefix_becomes_one_folded_term(string typed, string term) =>
        SearchAnalyzers.PrefixQuery.Terms(typed).ShouldBe([term]);

    [Theory]
    [InlineData("杭")]
    [InlineData("杭州夢金")]
    [InlineData("ＴＣＬ王")]
    [InlineData("tcl")]
    public void Every_typed_prefix_of_a_name_is_among_its_indexed_terms(string typed)
    {
        var indexed = SearchAnalyzers.Prefix.Terms("杭州梦金园黄金有限公司").Concat(SearchAnalyzers.Prefix.Terms("TCL王牌电器"));

        indexed.ShouldContain(SearchAnalyzers.PrefixQuery.Terms(typed).Single());
    }

    [Fact]
    public void A_typed_prefix_longer_than_the_indexed_prefixes_is_cut_to_still_match()
    {
        const string name = "中华人民共和国国家市场监督管理总局认证认可技术研究中心";
        var typed = SearchAnalyzers.PrefixQuery.Terms(name[..25]).Single();

        typed.ShouldBe(SearchAnalyzers.Prefix.Terms(name)[^1]);
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var typed = SearchAnalyzers.PrefixQuery.Terms(string.Concat(Enumerable.Repeat("😀", 25))).Single();

        typed.ShouldBe(string.Concat(Enumerable.Repeat("😀", PrefixAnalyzer.MaxGram)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t")]
    public void Blank_input_gives_no_term(string typed)
    {
        SearchAnalyzers.PrefixQuery.Terms(typed).ShouldBeEmpty();
        SearchAnalyzers.Prefix.Terms(typed).ShouldBeEmpty();
    }
}
