using Microsoft.Extensions.Time.Testing;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// Test clocks are <see cref="FakeTimeProvider"/>s that stand wherever a test puts them (no auto-advance) and hold
/// their time in UTC, as the system clock gives it (PostgreSQL takes only UTC instants); they only move forward.
/// </summary>
public static class TestClocks
{
    /// <summary>Noon in China on the given date, a time no test boundary sits near.</summary>
    public static DateTimeOffset ChinaNoon(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A clock standing at <paramref name="now"/>.</summary>
    public static FakeTimeProvider At(DateTimeOffset now) => new(now.ToUniversalTime());

    /// <summary>A clock standing at noon in China on the given date.</summary>
    public static FakeTimeProvider AtChinaNoon(int year, int month, int day) => At(ChinaNoon(year, month, day));

    /// <summary>Moves the clock to <paramref name="now"/> (never back: a fake clock refuses to go back in time).</summary>
    public static void MoveTo(this FakeTimeProvider clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.SetUtcNow(now.ToUniversalTime());
    }
}
