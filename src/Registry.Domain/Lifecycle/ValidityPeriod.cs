namespace Registry.Domain.Lifecycle;

public static class ValidityPeriod
{
    public const int Years = 3;

    /// <summary>Three years, the last day included: issued 2024-03-01, valid to 2027-02-28.</summary>
    public static DateOnly DefaultExpiry(DateOnly start) => DefaultExpiry(start, Years);

    /// <summary><paramref name="years"/> years, the last day included.</summary>
    public static DateOnly DefaultExpiry(DateOnly start, int years)
    {
        // AddYears pins 29 February to the 28th; the anniversary of a leap day is 1 March.
        var anniversary = start is { Month: 2, Day: 29 } ? new DateOnly(start.Year + years, 3, 1) : start.AddYears(years);
        return anniversary.AddDays(-1);
    }
}
