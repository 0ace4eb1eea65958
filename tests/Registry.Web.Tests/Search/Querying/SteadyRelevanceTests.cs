using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

public sealed class SteadyRelevanceTests
{
    [Theory]
    [InlineData(1.0f)]
    [InlineData(0.0123f)]
    [InlineData(517.3f)]
    public void Scores_that_differ_only_by_summation_order_tie(float score)
    {
        // A score and its neighbours a few units in the last place away, as a different summation order gives.
        var bits = (BitConverter.SingleToInt32Bits(score) & ~0xFF) | 0x80;
        var middle = BitConverter.Int32BitsToSingle(bits);

        foreach (var ulps in new[] { -3, -1, 1, 3 })
        {
            SteadyRelevance.Round(BitConverter.Int32BitsToSingle(bits + ulps)).ShouldBe(SteadyRelevance.Round(middle), $"{ulps} ulp(s) away");
        }
    }

    [Theory]
    [InlineData(1.0f, 1.001f)]
    [InlineData(100f, 100.1f)]
    [InlineData(0.5f, 0.5005f)]
    public void Scores_that_really_differ_keep_their_order(float lower, float higher) =>
        SteadyRelevance.Round(lower).ShouldBeLessThan(SteadyRelevance.Round(higher));
}
