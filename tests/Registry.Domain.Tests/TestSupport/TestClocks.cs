using Microsoft.Extensions.Time.Testing;

namespace Registry.Domain.Tests.TestSupport;

/// <summary>
/// Test clocks are <see cref="FakeTimeProvider"/>s that the test sets by hand (no auto-advance) and that hold their time
/// in UTC, as the system clock gives it; they only move forward.
/// </summary>
public static class TestClocks
{
    /// <summary>A clock standing at <paramref name="now"/>.</summary>
    public static FakeTimeProvider At(DateTimeOffset now) => new(now.ToUniversalTime());

    /// <summary>A clock showing <paramref name="hour"/>:00 on a Beijing wall calendar.</summary>
    public static FakeTimeProvider AtChinaTime(int year, int month, int day, int hour = 10) => At(China.At(year, month, day, hour));

    /// <summary>Moves the clock to <paramref name="now"/> (never back: a fake clock refuses to go back in time).</summary>
    public static void MoveTo(this FakeTimeProvider clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.SetUtcNow(now.ToUniversalTime());
    }

    /// <summary>Moves the clock to <paramref name="hour"/>:00 on a Beijing wall calendar.</summary>
    public static void SetChinaTime(this FakeTimeProvider clock, int year, int month, int day, int hour = 10) =>
        clock.MoveTo(China.At(year, month, day, hour));
}
