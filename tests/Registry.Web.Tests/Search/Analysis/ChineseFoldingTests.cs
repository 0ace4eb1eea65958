using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

public sealed class ChineseFoldingTests
{
    [Theory]
    [InlineData("夢金園", "梦金园")]
    [InlineData("發展", "发展")]
    [InlineData("臺灣", "台湾")]
    [InlineData("杭州夢金園黃金有限公司", "杭州梦金园黄金有限公司")]
    public void Traditional_text_folds_to_simplified(string traditional, string simplified) =>
        ChineseFolding.Fold(traditional).ShouldBe(simplified);

    [Fact]
    public void A_random_sample_of_the_table_folds_character_by_character_and_as_text()
    {
        var pairs = ChineseFolding.Pairs.ToArray();
        var random = new Random(27922);
        for (var n = 0; n < 200; n++)
        {
            var (traditional, simplified) = pairs[random.Next(pairs.Length)];
            ChineseFolding.Fold(traditional).ShouldBe(simplified);
            ChineseFolding.Fold($"甲{traditional}乙").ShouldBe($"甲{simplified}乙");
            ChineseFolding.Fold(simplified).ShouldBe(simplified);
        }
    }

    [Theory]
    [InlineData("杭州梦金园黄金有限公司")]
    [InlineData("海尔集团")]
    [InlineData("Haier Group Co., Ltd. 123 !@#")]
    [InlineData("")]
    public void Simplified_and_ascii_text_is_returned_unchanged(string text) =>
        ChineseFolding.Fold(text).ShouldBeSameAs(text);

    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("深圳市ＡＢＣ電器有限公司", "深圳市abc电器有限公司")]
    [InlineData("Haier\u3000Group", "haier group")]
    [InlineData("ＴＣＬ王牌（中國）", "tcl王牌(中国)")]
    [InlineData("Café ÄÖ", "café ÄÖ")]
    public void Matching_keys_fold_characters_width_and_ascii_case(string text, string key) =>
        ChineseFolding.FoldForMatching(text).ShouldBe(key);

    [Fact]
    public void Matching_keys_keep_the_length_and_cover_the_whole_full_width_block()
    {
        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            var folded = ChineseFolding.FoldForMatching(c.ToString());
            folded.ShouldBe(char.ToLowerInvariant((char)(c - 0xFEE0)).ToString());
        }
    }
}
