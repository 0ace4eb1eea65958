namespace Registry.Domain.Time;

/// <summary>
/// Certificates are dated in China Standard Time (UTC+8, no daylight saving), wherever the server runs,
/// so "today" is the date on a Beijing wall calendar.
/// </summary>
public static class RegistryCalendar
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The last instant of a calendar date in China: "as published on 5 March" means by its end.</summary>
    public static DateTimeOffset EndOf(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), ChinaOffset);
}
