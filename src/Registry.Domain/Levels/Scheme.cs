using Registry.Domain.Lifecycle;

namespace Registry.Domain.Levels;

/// <summary>
/// A certification scheme and its level scale. The scale is data, not code: bodies that market extended
/// scales (up to ten stars) register another scheme rather than changing the rules.
/// </summary>
public sealed class Scheme
{
    public Scheme(string code, string nameZh, string nameEn, IEnumerable<Level> levels, DateOnly startsOn, int validityYears)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(validityYears, 1);
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        StartsOn = startsOn;
        ValidityYears = validityYears;
        Levels = [.. levels.OrderBy(l => l.MinimumScore)];
        if (Levels.Count == 0)
        {
            throw new ArgumentException("A scheme needs at least one level.", nameof(levels));
        }
    }

    public string Code { get; }

    public string NameZh { get; }

    public string NameEn { get; }

    /// <summary>The day the scheme's standard took effect: no certificate under it can be issued earlier.</summary>
    public DateOnly StartsOn { get; }

    /// <summary>The longest a certificate (or a renewed cycle) of this scheme is valid.</summary>
    public int ValidityYears { get; }

    /// <summary>
    /// The last day a certificate issued (or renewed) on <paramref name="start"/> may be valid to: the anniversary
    /// itself. Bodies write the end of a three-year certificate either as the day before the third anniversary (the
    /// registry's default) or as the anniversary; both are within the scheme's validity, a day later is not.
    /// </summary>
    public DateOnly LatestExpiry(DateOnly start) => ValidityPeriod.DefaultExpiry(start, ValidityYears).AddDays(1);

    /// <summary>Refuses a validity period the scheme does not allow: starting before the scheme, ending after its longest validity.</summary>
    public void RequireValidity(DateOnly start, DateOnly expiresOn, bool renewal)
    {
        if (start < StartsOn)
        {
            throw new DomainException(renewal ? DomainErrorCodes.EffectiveDateBeforeScheme : DomainErrorCodes.IssueDateBeforeScheme,
                $"{(renewal ? "A renewal" : "A certificate")} under {Code} cannot start before {StartsOn:yyyy-MM-dd}, the day the standard took effect.");
        }

        if (expiresOn > LatestExpiry(start))
        {
            throw new DomainException(DomainErrorCodes.ExpiryBeyondValidity,
                $"A certificate under {Code} is valid for at most {ValidityYears} years: from {start:yyyy-MM-dd} to {LatestExpiry(start):yyyy-MM-dd} at the latest, not {expiresOn:yyyy-MM-dd}.");
        }
    }

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
