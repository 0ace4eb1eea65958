using Registry.Domain.Levels;

namespace Registry.Web.Features.DemoData;

/// <summary>
/// Assessment results for demo certificates under GB/T 27922: a level drawn from a plausible spread
/// (about 20 % compliant, 35 % three-star, 30 % four-star, 15 % five-star) and a total score, with one
/// decimal, inside that level's band; the three category scores scatter a few points around the total.
/// The level is always the one the scheme gives the score, never chosen separately.
/// </summary>
internal static class DemoScores
{
    public static Scheme Scheme => Schemes.GbT27922;

    // Weights for Scheme.Levels, lowest level first.
    private static readonly int[] LevelWeights = [20, 35, 30, 15];
    private static readonly WeightedChoice<int> LevelIndexes = new([.. LevelWeights.Select((w, i) => (i, w))]);

    public static (Level Level, Scores Scores) Draw(Random random) => At(random, LevelIndexes.Pick(random));

    /// <summary>A result one level above or below <paramref name="levelCode"/> (a surveillance re-assessment).</summary>
    public static (Level Level, Scores Scores) Neighbour(Random random, string levelCode)
    {
        var levels = Scheme.Levels;
        var index = levels.Select((l, i) => (l, i)).First(p => p.l.Code == levelCode).i;
        var next = index == 0 ? 1
            : index == levels.Count - 1 ? index - 1
            : index + (random.Next(2) == 0 ? -1 : 1);
        return At(random, next);
    }

    private static (Level Level, Scores Scores) At(Random random, int levelIndex)
    {
        var levels = Scheme.Levels;
        var low = levels[levelIndex].MinimumScore;
        var high = levelIndex + 1 < levels.Count ? levels[levelIndex + 1].MinimumScore - 0.1m : 99.8m;
        var tenths = (int)((high - low) * 10);
        var total = low + (random.Next(tenths + 1) / 10m);
        var scores = new Scores(total, Around(random, total), Around(random, total), Around(random, total));
        var level = Scheme.LevelFor(total)!;
        return (level, scores);
    }

    private static decimal Around(Random random, decimal total) =>
        Math.Clamp(total + (random.Next(-45, 46) / 10m), 60.0m, 100.0m);
}
