using Lucene.Net.Analysis;
using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

/// <summary>Analyzers see whatever people type into a search box; none of it may throw.</summary>
public sealed class AnalyzerRobustnessTests
{
    private static readonly string[] Inputs =
    [
        "",
        " ",
        " \t\r\n\u3000",
        new string('夢', 10_240),
        string.Concat(Enumerable.Repeat("杭州 ABC 123 ", 1_000)),
        new string('a', 10_240),
        "\u0000\u0001\u001F\u007F\u0085 杭州",
        "\uD800abc",
        "abc\uDC00",
        "\uDC00\uD800",
        "😀杭州👨‍👩‍👧 ✓",
        "+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /",
        "+-&&||!(){}[]^\"~*?:\\/",
        "name:杭州* AND (梦金园 OR \"黄金\"~2)^3",
        "\uFEFF\u200B\u200D\u202E杭州",
    ];

    public static TheoryData<string> AnalyzerNames => ["ChineseName", "EnglishName", "Prefix", "PrefixQuery"];

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Odd_input_never_throws_and_offsets_stay_inside_the_text(string name)
    {
        var analyzer = Pick(name);
        foreach (var input in Inputs)
        {
            var tokens = SearchAnalyzers.Analyze(analyzer, "field", input);

            tokens.ShouldAllBe(t => t.Term.Length > 0 && t.StartOffset >= 0
                && t.StartOffset <= t.EndOffset && t.EndOffset <= input.Length);
            tokens.Select(t => t.Position).ShouldBeInOrder(SortDirection.Ascending);
        }
    }

    [Fact]
    public void Query_syntax_characters_are_not_terms_of_the_word_analyzers()
    {
        SearchAnalyzers.ChineseName.Terms("+ - && || ! ( ) { } [ ] ^ \" ~ * ? : \\ /").ShouldBeEmpty();
        SearchAnalyzers.ChineseName.Terms("name:杭州* AND (梦金园)").ShouldBe(
            ["name", "杭", "杭州", "州", "and", "梦", "梦金", "金", "金园", "园"]);
    }

    [Fact]
    public void An_analyzer_is_reusable_after_odd_input()
    {
        foreach (var input in Inputs)
        {
            SearchAnalyzers.Analyze(SearchAnalyzers.ChineseName, "field", input);
        }

        SearchAnalyzers.ChineseName.Terms("夢金").ShouldBe(["梦", "梦金", "金"]);
    }

    [Fact]
    public void Analyzers_can_be_shared_between_threads()
    {
        var expected = SearchAnalyzers.ChineseName.Terms("杭州夢金園黃金有限公司");

        Parallel.For(0, 200, _ => SearchAnalyzers.ChineseName.Terms("杭州夢金園黃金有限公司").ShouldBe(expected));
    }

    private static Analyzer Pick(string name) => name switch
    {
        "ChineseName" => SearchAnalyzers.ChineseName,
        "EnglishName" => SearchAnalyzers.EnglishName,
        "Prefix" => SearchAnalyzers.Prefix,
        "PrefixQuery" => SearchAnalyzers.PrefixQuery,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
