using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

/// <summary>The committed output of ops/generate-folding-table: complete enough, well formed, idempotent.</summary>
public sealed class FoldingTableTests
{
    private const string Pairs = TraditionalToSimplified.Pairs;

    [Fact]
    public void The_table_holds_more_than_2500_pairs_and_says_how_many()
    {
        (Pairs.Length % 2).ShouldBe(0);
        TraditionalToSimplified.PairCount.ShouldBe(Pairs.Length / 2);
        TraditionalToSimplified.PairCount.ShouldBeGreaterThan(2500);
    }

    [Theory]
    [InlineData('夢', '梦')]
    [InlineData('園', '园')]
    [InlineData('發', '发')]
    [InlineData('黃', '黄')]
    [InlineData('電', '电')]
    [InlineData('東', '东')]
    [InlineData('門', '门')]
    [InlineData('臺', '台')]
    public void The_table_holds_known_pairs(char traditional, char simplified) =>
        ChineseFolding.Pairs.ShouldContainKeyAndValue(traditional, simplified);

    [Fact]
    public void Each_traditional_character_appears_once_and_maps_to_another_bmp_character()
    {
        var traditional = Enumerable.Range(0, Pairs.Length / 2).Select(i => Pairs[2 * i]).ToList();
        traditional.Distinct().Count().ShouldBe(traditional.Count);
        for (var i = 0; i < Pairs.Length; i += 2)
        {
            Pairs[i].ShouldNotBe(Pairs[i + 1]);
            char.IsSurrogate(Pairs[i]).ShouldBeFalse();
            char.IsSurrogate(Pairs[i + 1]).ShouldBeFalse();
        }
    }

    [Fact]
    public void No_simplified_character_is_itself_folded_so_folding_twice_changes_nothing()
    {
        // OpenCC has chains such as 薴 -> 苧 -> 苎; the generator follows them to the end.
        for (var i = 1; i < Pairs.Length; i += 2)
        {
            ChineseFolding.Pairs.ContainsKey(Pairs[i]).ShouldBeFalse($"{Pairs[i - 1]} -> {Pairs[i]}");
        }

        ChineseFolding.Fold('薴').ShouldBe('苎');
    }

    [Fact]
    public void Pairs_are_sorted_by_the_traditional_character_so_regeneration_gives_stable_diffs()
    {
        var traditional = Enumerable.Range(0, Pairs.Length / 2).Select(i => Pairs[2 * i]).ToList();
        traditional.ShouldBe(traditional.Order().ToList());
    }
}
