namespace Registry.Domain.Tests.Levels;

public class ScoresTests
{
    [Theory]
    [InlineData("-0.1")]
    [InlineData("100.1")]
    [InlineData("90.05")]
    [InlineData("69.99")]
    [InlineData("-100")]
    [InlineData("101")]
    [InlineData("1000")]
    public void A_total_outside_0_to_100_or_with_two_decimals_is_out_of_range(string total)
    {
        var value = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);

        ((Action)(() => _ = new Scores(value))).ShouldBeRefusedWith("SCORE_OUT_OF_RANGE");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.1")]
    [InlineData("70.0")]
    [InlineData("70.00")]
    [InlineData("99.9")]
    [InlineData("100")]
    [InlineData("100.0")]
    public void A_total_from_0_to_100_with_at_most_one_decimal_is_accepted(string total)
    {
        var value = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);

        new Scores(value).Total.ShouldBe(value);
    }

    [Fact]
    public void Category_scores_follow_the_same_range_rule()
    {
        ((Action)(() => _ = new Scores(90m, serviceSystem: 100.1m))).ShouldBeRefusedWith("SCORE_OUT_OF_RANGE");
        ((Action)(() => _ = new Scores(90m, commodityService: -0.1m))).ShouldBeRefusedWith("SCORE_OUT_OF_RANGE");
        ((Action)(() => _ = new Scores(90m, customerService: 88.25m))).ShouldBeRefusedWith("SCORE_OUT_OF_RANGE");
    }

    [Fact]
    public void Category_scores_are_kept_when_given_and_absent_otherwise()
    {
        var full = new Scores(91.5m, 92.0m, 90.5m, 93.0m);
        var totalOnly = new Scores(91.5m);

        (full.ServiceSystem, full.CommodityService, full.CustomerService).ShouldBe((92.0m, 90.5m, 93.0m));
        (totalOnly.ServiceSystem, totalOnly.CommodityService, totalOnly.CustomerService).ShouldBe((null, null, null));
    }

    [Fact]
    public void Scores_with_the_same_values_are_equal()
    {
        new Scores(90.0m, 91m).ShouldBe(new Scores(90m, 91.0m));
        new Scores(90m).ShouldNotBe(new Scores(90.1m));
    }
}
