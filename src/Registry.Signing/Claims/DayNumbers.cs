namespace Registry.Signing.Claims;

/// <summary>Dates on the wire are whole days since 2000-01-01: two bytes cover 2000 to 2179.</summary>
public static class DayNumbers
{
    public const int Max = ushort.MaxValue;

    public static readonly DateOnly Epoch = new(2000, 1, 1);

    public static DateOnly Last => Epoch.AddDays(Max);

    public static int From(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    public static bool IsInRange(int dayNumber) => dayNumber is >= 0 and <= Max;

    public static DateOnly ToDate(int dayNumber) => Epoch.AddDays(dayNumber);
}
