namespace Registry.Domain.Tests.Levels;

/// <summary>An extended scale registered as data: the same rules apply to its levels.</summary>
public class CustomSchemeTests
{
    // Deliberately listed out of order: the scheme sorts its scale by minimum score.
    private static readonly Scheme Extended = new(
        "DEMO-EXTENDED",
        "演示扩展星级（演示数据）",
        "Demo extended star scale (demo data)",
        [
            new Level("six-star", "六星级", "six-star", 6, 97m),
            new Level("compliant", "达标级", "compliant", 0, 70m),
            new Level("five-star", "五星级", "five-star", 5, 95m),
            new Level("three-star", "三星级", "three-star", 3, 80m),
            new Level("four-star", "四星级", "four-star", 4, 90m),
        ],
        new DateOnly(2012, 2, 1),
        3);

    [Fact]
    public void Levels_are_ordered_from_the_lowest_to_the_highest_minimum_score()
    {
        Extended.Levels.Select(l => l.Code).ShouldBe(["compliant", "three-star", "four-star", "five-star", "six-star"]);
        Extended.CertifiableScore.ShouldBe(70m);
    }

    [Theory]
    [InlineData(69.9, null)]
    [InlineData(70.0, "compliant")]
    [InlineData(94.9, "four-star")]
    [InlineData(95.0, "five-star")]
    [InlineData(96.9, "five-star")]
    [InlineData(97.0, "six-star")]
    [InlineData(100, "six-star")]
    public void LevelFor_uses_the_extended_scale(double total, string? level) =>
        (Extended.LevelFor((decimal)total)?.Code).ShouldBe(level);

    [Fact]
    public void RequireConsistent_accepts_six_stars_from_97()
    {
        Extended.RequireConsistent("six-star", new Scores(97m)).Stars.ShouldBe(6);
    }

    [Theory]
    [InlineData("five-star", 97.0)]
    [InlineData("six-star", 96.9)]
    public void RequireConsistent_refuses_a_mismatch_on_the_extended_scale(string level, double total) =>
        ((Action)(() => Extended.RequireConsistent(level, new Scores((decimal)total)))).ShouldBeRefusedWith("LEVEL_SCORE_MISMATCH");

    [Fact]
    public void The_default_scheme_knows_no_six_stars() =>
        ((Action)(() => Schemes.GbT27922.RequireConsistent("six-star", new Scores(97m)))).ShouldBeRefusedWith("UNKNOWN_LEVEL");

    [Fact]
    public void A_scheme_with_a_lower_threshold_certifies_from_that_threshold()
    {
        var lenient = new Scheme("DEMO-LENIENT", "演示", "Demo", [new Level("pass", "合格", "pass", 1, 60m)], new DateOnly(2012, 2, 1), 3);

        lenient.RequireConsistent("pass", new Scores(60m)).Code.ShouldBe("pass");
        ((Action)(() => lenient.RequireConsistent("pass", new Scores(59.9m)))).ShouldBeRefusedWith("SCORE_BELOW_CERTIFIABLE");
    }

    [Fact]
    public void A_scheme_needs_at_least_one_level() =>
        Should.Throw<ArgumentException>(() => new Scheme("EMPTY", "空", "Empty", [], new DateOnly(2012, 2, 1), 3));
}
