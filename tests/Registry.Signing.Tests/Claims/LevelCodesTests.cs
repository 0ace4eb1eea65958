using Registry.Domain.Levels;
using Registry.Signing.Claims;

namespace Registry.Signing.Tests.Claims;

public class LevelCodesTests
{
    [Fact]
    public void The_wire_table_matches_the_stars_of_GB_T_27922()
    {
        foreach (var level in Schemes.GbT27922.Levels)
        {
            LevelCodes.TryGetStars(level.Code, out var stars).ShouldBeTrue(level.Code);
            stars.ShouldBe(level.Stars);
            LevelCodes.FromStars(stars).ShouldBe(level.Code);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Other_star_counts_are_not_levels(int stars) => LevelCodes.FromStars(stars).ShouldBeNull();
}
