using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

public sealed class EnglishNameAnalyzerTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalyzers.EnglishName;

    [Fact]
    public void Words_are_lower_cased_and_accents_folded_without_stemming_or_stop_words()
    {
        Analyzer.Described("The Haier Appliances Café Co., Ltd.").ShouldBe(
            ["the@0:0-3", "haier@1:4-9", "appliances@2:10-20", "cafe@3:21-25", "co@4:26-28", "ltd@5:31-34"]);
    }

    [Fact]
    public void Numbers_and_codes_stay_searchable()
    {
        Analyzer.Terms("Midea Group No. 3, KFR-35GW").ShouldBe(["midea", "group", "no", "3", "kfr", "35gw"]);
    }
}
