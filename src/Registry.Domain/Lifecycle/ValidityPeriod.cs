namespace Registry.Domain.Lifecycle;

public static class ValidityPeriod
{
    public const int Years = 3;

    /// <summary>Three years, the last day included: issued 2024-03-01, valid to 2027-02-28.</summary>
    public static DateOnly DefaultExpiry(DateOnly start) => start.AddYears(Years).AddDays(-1);
}
