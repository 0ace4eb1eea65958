namespace Registry.Domain.Levels;

/// <summary>
/// A certification scheme and its level scale. The scale is data, not code: bodies that market extended
/// scales (up to ten stars) register another scheme rather than changing the rules.
/// </summary>
public sealed class Scheme
{
    public Scheme(string code, string nameZh, string nameEn, IEnumerable<Level> levels)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        Levels = [.. levels.OrderBy(l => l.MinimumScore)];
        if (Levels.Count == 0)
        {
            throw new ArgumentException("A scheme needs at least one level.", nameof(levels));
        }
    }

    public string Code { get; }

    public string NameZh { get; }

    public string NameEn { get; }

    /// <summary>Levels from the lowest to the highest.</summary>
    public IReadOnlyList<Level> Levels { get; }

    public decimal CertifiableScore => Levels[0].MinimumScore;

    public Level? FindLevel(string code) => Levels.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.Ordinal));

    /// <summary>The level a total score earns, or null when it earns none.</summary>
    public Level? LevelFor(decimal totalScore) => Levels.LastOrDefault(l => totalScore >= l.MinimumScore);

    /// <summary>Refuses a level that the score does not earn: the score decides the level, never the other way round.</summary>
    public Level RequireConsistent(string levelCode, Scores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var level = FindLevel(levelCode)
            ?? throw new DomainException(DomainErrorCodes.UnknownLevel, $"Scheme {Code} has no level '{levelCode}'.");
        var earned = LevelFor(scores.Total)
            ?? throw new DomainException(DomainErrorCodes.ScoreBelowCertifiable,
                $"A total score of {scores.Total} is below {CertifiableScore}, the lowest certifiable score of {Code}.");
        if (earned != level)
        {
            throw new DomainException(DomainErrorCodes.LevelScoreMismatch,
                $"A total score of {scores.Total} earns '{earned.Code}' under {Code}, not '{level.Code}'.");
        }

        return level;
    }
}
