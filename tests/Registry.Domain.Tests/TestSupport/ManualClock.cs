namespace Registry.Domain.Tests.TestSupport;

/// <summary>A clock the test sets by hand; it only moves when told to.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>A clock showing <paramref name="hour"/>:00 on a Beijing wall calendar.</summary>
    public static ManualClock AtChinaTime(int year, int month, int day, int hour = 10) =>
        new(China.At(year, month, day, hour));

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public void SetChinaTime(int year, int month, int day, int hour = 10) => Now = China.At(year, month, day, hour);
}
