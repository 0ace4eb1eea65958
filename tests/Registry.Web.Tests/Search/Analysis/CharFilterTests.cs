using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Registry.Web.Features.Search.Analysis;

namespace Registry.Web.Tests.Search.Analysis;

/// <summary>
/// The custom char filter stands in for Lucene's MappingCharFilter (several times slower with this many rules):
/// it must fold exactly as MappingCharFilter does with the same table, whichever way it is read.
/// </summary>
public sealed class CharFilterTests
{
    [Fact]
    public void It_folds_like_lucenes_mapping_char_filter_with_the_same_pairs()
    {
        var builder = new NormalizeCharMap.Builder();
        foreach (var (traditional, simplified) in ChineseFolding.Pairs)
        {
            builder.Add(traditional.ToString(), simplified.ToString());
        }

        var map = builder.Build();
        using var mapping = Analyzer.NewAnonymous(
            (_, reader) => new TokenStreamComponents(new KeywordTokenizer(reader)),
            (_, reader) => new MappingCharFilter(map, reader));
        var random = new Random(27922);
        var pairs = TraditionalToSimplified.Pairs;
        for (var n = 0; n < 500; n++)
        {
            var text = new string(Enumerable.Range(0, 12).Select(_ =>
                random.Next(2) == 0 ? pairs[random.Next(pairs.Length)] : (char)random.Next(0x4E00, 0x9FA6)).ToArray());

            using var reader = new TraditionalToSimplifiedCharFilter(new StringReader(text));
            var folded = reader.ReadToEnd();
            folded.ShouldBe(mapping.Terms(text).Single(), text);
        }
    }

    [Fact]
    public void Single_character_reads_and_peeks_fold_too()
    {
        using var reader = new TraditionalToSimplifiedCharFilter(new StringReader("夢a"));

        reader.Peek().ShouldBe('梦');
        reader.Read().ShouldBe('梦');
        reader.Read().ShouldBe('a');
        reader.Read().ShouldBe(-1);
    }

    [Fact]
    public void Reads_into_the_middle_of_a_buffer_fold_only_what_was_read()
    {
        using var reader = new TraditionalToSimplifiedCharFilter(new StringReader("發展"));
        var buffer = "夢夢夢夢".ToCharArray();

        reader.Read(buffer, 1, 2).ShouldBe(2);

        new string(buffer).ShouldBe("夢发展夢");
    }
}
