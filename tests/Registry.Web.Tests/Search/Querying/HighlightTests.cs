using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

[Collection(SearchFixtureGroup.Name)]
public sealed class HighlightTests(SearchFixture fixture)
{
    [Fact]
    public async Task A_traditional_query_marks_the_simplified_characters_of_the_name()
    {
        var hit = (await fixture.SearchAsync("夢金園")).Hits.Single();

        hit.Name.ShouldBe([new TextSegment("梦金园", true), new TextSegment("黄金珠宝集团股份有限公司", false)]);
    }

    [Fact]
    public async Task A_brand_inside_a_name_is_marked_where_it_stands()
    {
        var hit = (await fixture.SearchAsync("海尔")).Hits.Single(h => h.Record.NormalizedNumber == "HRAC20240088");

        hit.Name.ShouldBe([new TextSegment("青岛", false), new TextSegment("海尔", true), new TextSegment("空调电子有限公司", false)]);
    }

    [Fact]
    public async Task A_name_stored_in_traditional_characters_is_marked_for_a_simplified_query()
    {
        var hit = (await fixture.SearchAsync("华声电器")).Hits[0];

        Marked(hit.Name).ShouldBe(["華聲電器"]);
        string.Concat(hit.Name.Select(s => s.Text)).ShouldBe("東莞市華聲電器有限公司");
    }

    [Fact]
    public async Task Full_width_letters_in_a_name_are_marked_for_half_width_typing()
    {
        var hit = (await fixture.SearchAsync("abc电器")).Hits[0];

        Marked(hit.Name).ShouldBe(["ＡＢＣ电器"]);
    }

    [Fact]
    public async Task English_words_are_marked_in_the_english_name_and_the_chinese_name_is_left_alone()
    {
        var hit = (await fixture.SearchAsync("sunrise kitchen")).Hits.Single();

        Marked(hit.NameEn.ShouldNotBeNull()).ShouldBe(["Sunrise", "Kitchen"]);
        hit.Name.ShouldAllBe(s => !s.Matched);
    }

    [Fact]
    public async Task Two_separate_parts_of_a_name_are_marked_separately()
    {
        var hit = (await fixture.SearchAsync("京东 贸易")).Hits.Single();

        Marked(hit.Name).ShouldBe(["京东", "贸易"]);
    }

    [Fact]
    public async Task A_number_or_credit_code_search_marks_nothing_in_the_name()
    {
        var byNumber = (await fixture.SearchAsync("SC-2024/0012")).Hits[0];
        var byCode = (await fixture.SearchAsync(FixtureData.CreditCodeOf("MJY").Value)).Hits.Single();

        byNumber.Name.ShouldBe([new TextSegment("梦金园黄金珠宝集团股份有限公司", false)]);
        byCode.Name.ShouldBe([new TextSegment("梦金园黄金珠宝集团股份有限公司", false)]);
    }

    [Theory]
    [InlineData("海尔")]
    [InlineData("有限公司")]
    [InlineData("Haier smart")]
    [InlineData("聯想（北京）")]
    public async Task The_segments_always_put_the_name_back_together(string query)
    {
        var results = await fixture.SearchAsync(query);

        results.Hits.ShouldNotBeEmpty();
        foreach (var hit in results.Hits)
        {
            string.Concat(hit.Name.Select(s => s.Text)).ShouldBe(hit.Record.LegalNameZh);
            if (hit.NameEn is not null)
            {
                string.Concat(hit.NameEn.Select(s => s.Text)).ShouldBe(hit.Record.NameEn);
            }

            hit.Name.Concat(hit.NameEn ?? []).ShouldContain(s => s.Matched, hit.Record.LegalNameZh);
        }
    }

    private static List<string> Marked(IReadOnlyList<TextSegment> segments) => [.. segments.Where(s => s.Matched).Select(s => s.Text)];
}
