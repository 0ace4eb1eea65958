using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

public sealed class QueryInterpretationTests
{
    private static readonly string HaierCode = FixtureData.CreditCodeOf("HSH").Value;

    [Theory]
    [InlineData("SC-2024/0012", "SC20240012")]
    [InlineData("ｓｃ－２０２４／００１２", "SC20240012")]
    [InlineData("CQC·SV·2023·001", "CQCSV2023001")]
    [InlineData("“SC-2024/0012”", "SC20240012")]
    [InlineData("「SC-2024/0012」", "SC20240012")]
    [InlineData("(SC-2024/0012)", "SC20240012")]
    [InlineData("SC-2024/0012。", "SC20240012")]
    [InlineData("SC-2024/0012*", "SC20240012")]
    [InlineData("95270001", "95270001")]
    public void Text_shaped_like_a_number_is_looked_up_as_one_and_as_a_name(string text, string number)
    {
        var interpretation = QueryInterpretation.Of(SearchText.Clean(text));

        interpretation.Kind.ShouldBe(QueryKind.NumberOrName);
        interpretation.Number.ShouldBe(number);
        interpretation.Text.ShouldBe(SearchText.Clean(text), "the words are searched as typed");
    }

    [Fact]
    public void A_credit_code_however_typed_is_a_credit_code()
    {
        foreach (var typed in new[] { HaierCode, HaierCode.ToLowerInvariant(), RelevanceCases.ToFullWidth(HaierCode), $"“{HaierCode}”", $" {HaierCode[..9]} {HaierCode[9..]} " })
        {
            var interpretation = QueryInterpretation.Of(SearchText.Clean(typed));

            interpretation.Kind.ShouldBe(QueryKind.CreditCode, typed);
            interpretation.CreditCode.ShouldBe(HaierCode);
        }
    }

    [Theory]
    [InlineData("梦金园")]
    [InlineData("SC")]
    [InlineData("A1")]
    [InlineData("Haier Smart Home")]
    [InlineData("TCL王牌")]
    [InlineData("name:* OR \"(")]
    [InlineData("*")]
    [InlineData("“”")]
    public void Anything_else_is_a_name(string text)
    {
        var interpretation = QueryInterpretation.Of(SearchText.Clean(text));

        interpretation.Kind.ShouldBe(QueryKind.Name);
        interpretation.Number.ShouldBeNull();
        interpretation.CreditCode.ShouldBeNull();
    }

    [Fact]
    public void A_credit_code_with_a_wrong_check_character_is_not_a_credit_code()
    {
        var wrong = HaierCode[..17] + (HaierCode[17] == '0' ? '1' : '0');

        QueryInterpretation.Of(wrong).Kind.ShouldNotBe(QueryKind.CreditCode);
    }

    [Theory]
    [InlineData("  梦金园  ", "梦金园")]
    [InlineData("梦金\u0000园", "梦金园")]
    [InlineData("\uFEFF梦金园\u200B黄金\u200E", "梦金园黄金")]
    [InlineData("梦金\u00AD园", "梦金园")]
    [InlineData("海尔 \t\u3000 智家", "海尔 智家")]
    [InlineData("\r\n", "")]
    [InlineData("😀梦", "😀梦")]
    public void Cleaning_drops_invisible_and_control_characters_and_collapses_spaces(string raw, string clean)
    {
        SearchText.Clean(raw).ShouldBe(clean);
    }

    [Fact]
    public void Cleaning_drops_lone_surrogates_and_keeps_pairs()
    {
        SearchText.Clean("\uD800梦\uDC00金\uD83D\uDE00").ShouldBe("梦金\uD83D\uDE00");
        SearchText.Clean("\uDC00\uD800").ShouldBeEmpty();
        SearchText.Clean(null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"海尔智家股份有限公司\"")]
    [InlineData("“海尔智家股份有限公司”")]
    [InlineData("「海爾智家股份有限公司」")]
    [InlineData(" '海尔智家股份有限公司' ")]
    public void The_whole_name_key_ignores_quote_marks_around_a_name(string typed)
    {
        CertificateQueryBuilder.WholeNameKey(typed).ShouldBe(Registry.Web.Features.Search.Analysis.ChineseFolding.FoldForMatching("海尔智家股份有限公司"));
    }

    [Fact]
    public void The_whole_name_key_keeps_brackets_that_belong_to_the_name()
    {
        CertificateQueryBuilder.WholeNameKey("联想(北京)有限公司").ShouldBe(Registry.Web.Features.Search.Analysis.ChineseFolding.FoldForMatching("联想（北京）有限公司"));
    }

    [Fact]
    public async Task Before_the_first_index_is_built_a_search_says_so_and_suggestions_are_empty()
    {
        using var replica = new SearchReplica();
        await using var dataSource = Npgsql.NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Database=unused");
        var service = new SearchService(replica, dataSource, TimeProvider.System);

        var outcome = await service.SearchAsync(new SearchRequest { Text = "梦金园" }, TestContext.Current.CancellationToken);
        var blank = await service.SearchAsync(new SearchRequest { Text = " " }, TestContext.Current.CancellationToken);
        var invalid = await service.SearchAsync(new SearchRequest { Text = "梦金园", Page = 0 }, TestContext.Current.CancellationToken);

        outcome.IndexNotReady.ShouldBeTrue();
        outcome.Results.ShouldBeNull();
        outcome.Problems.ShouldBeEmpty();
        blank.Results.ShouldNotBeNull().TotalHits.ShouldBe(0);
        invalid.Problems.ShouldHaveSingleItem().Code.ShouldBe(SearchProblem.BadPage);
        new Suggester(replica).Suggest("梦金").ShouldBeEmpty();
    }
}
