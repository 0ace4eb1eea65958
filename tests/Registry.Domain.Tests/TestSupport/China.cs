namespace Registry.Domain.Tests.TestSupport;

/// <summary>Instants written as a Beijing wall clock shows them (UTC+8), independent of the code under test.</summary>
public static class China
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);
}
