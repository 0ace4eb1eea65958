namespace Registry.Domain.Time;

/// <summary>
/// The dates and instants anyone may ask the registry about (a status on a date, what was published by an
/// instant, audit ranges, expiry filters): 2000-01-01 to 2199-12-31 on the China calendar. Every certificate the
/// registry can hold lies inside (the scheme began in 2012, a QR code's dates end in 2179), and the edges keep every
/// date arithmetic the features do (a day's end in China, a three-year period) far from DateOnly's and
/// DateTimeOffset's own limits. Outside it a question is refused, never answered with an overflow.
/// </summary>
public static class QueryDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static DateTimeOffset EarliestInstant { get; } = new(Earliest.ToDateTime(TimeOnly.MinValue), RegistryCalendar.ChinaOffset);

    public static DateTimeOffset LatestInstant { get; } = RegistryCalendar.EndOf(Latest);

    public const string Range = "2000-01-01 to 2199-12-31";

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool Contains(DateTimeOffset instant) => instant >= EarliestInstant && instant <= LatestInstant;

    /// <summary>The sentence a refusal gives for <paramref name="field"/>.</summary>
    public static string OutOfRange(string field) => $"{field} must be a date from {Range} (China Standard Time).";
}
