using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

[Collection(SearchFixtureGroup.Name)]
public sealed class SuggestionTests(SearchFixture fixture)
{
    [Theory]
    [InlineData("梦金")]
    [InlineData("夢金")]
    [InlineData("夢金園黃金")]
    [InlineData("梦金园黄金珠宝集团股份有限公司")]
    public void A_name_prefix_in_simplified_or_traditional_suggests_the_simplified_name(string typed)
    {
        var suggestions = fixture.Suggester.Suggest(typed);

        suggestions.ShouldContain(new Suggestion("梦金园黄金珠宝集团股份有限公司", "SC20240012", "name"));
        suggestions.ShouldNotContain(s => s.Text == "天津梦金珠宝有限公司", "a name that only contains the prefix is not a completion of it");
    }

    [Fact]
    public void Every_name_starting_with_the_prefix_is_suggested_once()
    {
        var suggestions = fixture.Suggester.Suggest("海爾");

        suggestions.Select(s => s.Text).ShouldBe(["海尔智家股份有限公司", "海尔智家股份有限公司上海销售分公司"], ignoreOrder: true);
        suggestions.ShouldAllBe(s => s.Kind == "name");
        FixtureData.NumbersOf("HSH").ShouldContain(suggestions.Single(s => s.Text == "海尔智家股份有限公司").Number);
    }

    [Theory]
    [InlineData("SC-2024")]
    [InlineData("sc2024")]
    [InlineData("ＳＣ－２０２４")]
    [InlineData("SC 2024 /")]
    public void A_number_prefix_suggests_every_number_it_begins_as_printed(string typed)
    {
        var suggestions = fixture.Suggester.Suggest(typed);

        suggestions.Where(s => s.Kind == "number").Select(s => (s.Text, s.Number)).ShouldBe(
            [("SC-2024/0012", "SC20240012"), ("SC-2024/0013", "SC20240013"), ("SC-2024/00123", "SC202400123")], ignoreOrder: true);
    }

    [Fact]
    public void A_number_prefix_of_digits_only()
    {
        var suggestions = fixture.Suggester.Suggest("9527");

        suggestions.ShouldContain(new Suggestion("9527-0001", "95270001", "number"));
    }

    [Fact]
    public void An_english_name_prefix_suggests_the_english_name()
    {
        var suggestions = fixture.Suggester.Suggest("zhejiang sun");

        suggestions.ShouldContain(new Suggestion("Zhejiang Sunrise Kitchen Appliances Co., Ltd.", "SC20240013", "name"));
    }

    [Fact]
    public void A_former_name_prefix_suggests_the_former_name()
    {
        var suggestions = fixture.Suggester.Suggest("苏宁云");

        var suggestion = suggestions.Single();
        suggestion.Text.ShouldBe("苏宁云商集团股份有限公司");
        FixtureData.NumbersOf("SUNING").ShouldContain(suggestion.Number);
    }

    [Fact]
    public void Suggestions_stop_at_the_limit_and_never_repeat_a_name()
    {
        var suggestions = fixture.Suggester.Suggest("杭州");
        var three = fixture.Suggester.Suggest("杭州", limit: 3);
        var tooMany = fixture.Suggester.Suggest("杭州", limit: 1000);

        suggestions.Count.ShouldBe(8);
        suggestions.Select(s => s.Text).ShouldBeUnique();
        suggestions.ShouldAllBe(s => s.Text.StartsWith("杭州", StringComparison.Ordinal));
        three.Count.ShouldBe(3);
        tooMany.Count.ShouldBe(Suggester.MaxSuggestions);
    }

    [Fact]
    public void A_prefix_nobody_has_suggests_nothing()
    {
        fixture.Suggester.Suggest("不存在的").ShouldBeEmpty();
        fixture.Suggester.Suggest("ZZ99").ShouldBeEmpty();
    }
}
