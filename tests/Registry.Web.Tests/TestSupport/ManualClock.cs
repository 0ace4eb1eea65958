namespace Registry.Web.Tests.TestSupport;

/// <summary>A clock that stands wherever a test puts it.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public DateTimeOffset Now
    {
        get => _now;
        set => _now = value;
    }

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    /// <summary>Noon in China on the given date, a time no test boundary sits near.</summary>
    public static DateTimeOffset ChinaNoon(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.FromHours(8));
}
