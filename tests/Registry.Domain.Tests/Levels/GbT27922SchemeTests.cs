namespace Registry.Domain.Tests.Levels;

/// <summary>The default scheme: 70 compliant, 80 three-star, 90 four-star, 95 five-star.</summary>
public class GbT27922SchemeTests
{
    private static readonly Scheme Scheme = Schemes.GbT27922;

    public static TheoryData<decimal, string?> Thresholds => new()
    {
        { 0m, null },
        { 69.9m, null },
        { 70.0m, "compliant" },
        { 79.9m, "compliant" },
        { 80.0m, "three-star" },
        { 89.9m, "three-star" },
        { 90.0m, "four-star" },
        { 94.9m, "four-star" },
        { 95.0m, "five-star" },
        { 99.9m, "five-star" },
        { 100m, "five-star" },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public void LevelFor_gives_the_level_earned_on_both_sides_of_every_boundary(decimal total, string? level) =>
        (Scheme.LevelFor(total)?.Code).ShouldBe(level);

    [Theory]
    [InlineData(70.0, "compliant")]
    [InlineData(79.9, "compliant")]
    [InlineData(80.0, "three-star")]
    [InlineData(89.9, "three-star")]
    [InlineData(90.0, "four-star")]
    [InlineData(94.9, "four-star")]
    [InlineData(95.0, "five-star")]
    [InlineData(100, "five-star")]
    public void RequireConsistent_accepts_the_level_the_score_earns(double total, string level)
    {
        var accepted = Scheme.RequireConsistent(level, new Scores((decimal)total));

        accepted.Code.ShouldBe(level);
        accepted.ShouldBeSameAs(Scheme.FindLevel(level));
    }

    [Theory]
    [InlineData("compliant")]
    [InlineData("three-star")]
    [InlineData("four-star")]
    [InlineData("five-star")]
    public void A_score_of_69_9_is_below_certifiable_whatever_level_is_claimed(string level) =>
        ((Action)(() => Scheme.RequireConsistent(level, new Scores(69.9m)))).ShouldBeRefusedWith("SCORE_BELOW_CERTIFIABLE");

    [Theory]
    [InlineData("five-star", 94.9)]
    [InlineData("four-star", 95.0)]
    [InlineData("four-star", 89.9)]
    [InlineData("three-star", 90.0)]
    [InlineData("three-star", 79.9)]
    [InlineData("compliant", 80.0)]
    [InlineData("compliant", 100)]
    [InlineData("five-star", 70.0)]
    public void RequireConsistent_refuses_a_level_the_score_does_not_earn(string level, double total) =>
        ((Action)(() => Scheme.RequireConsistent(level, new Scores((decimal)total)))).ShouldBeRefusedWith("LEVEL_SCORE_MISMATCH");

    [Theory]
    [InlineData("six-star")]
    [InlineData("Five-Star")]
    [InlineData("五星级")]
    [InlineData("")]
    public void RequireConsistent_refuses_a_level_the_scheme_does_not_have(string level) =>
        ((Action)(() => Scheme.RequireConsistent(level, new Scores(96m)))).ShouldBeRefusedWith("UNKNOWN_LEVEL");

    [Fact]
    public void The_scheme_has_four_levels_from_compliant_to_five_stars()
    {
        Scheme.Code.ShouldBe("GBT27922-2011");
        Scheme.Levels.Select(l => (l.Code, l.NameZh, l.Stars, l.MinimumScore)).ShouldBe(
        [
            ("compliant", "达标级", 0, 70m),
            ("three-star", "三星级", 3, 80m),
            ("four-star", "四星级", 4, 90m),
            ("five-star", "五星级", 5, 95m),
        ]);
        Scheme.CertifiableScore.ShouldBe(70m);
    }

    [Fact]
    public void It_is_the_default_and_can_be_found_by_its_code()
    {
        Schemes.Default.ShouldBeSameAs(Scheme);
        Schemes.Find("GBT27922-2011").ShouldBeSameAs(Scheme);
        Schemes.All.ShouldContain(Scheme);
    }

    [Fact]
    public void An_unknown_scheme_code_is_refused() =>
        ((Action)(() => Schemes.Find("GBT27922-2099"))).ShouldBeRefusedWith("UNKNOWN_SCHEME");
}
