namespace Registry.Web.Features.DemoData;

/// <summary>
/// A clock the generator sets by hand to each event's publication instant, so that histories are written
/// through <see cref="Registry.Domain.Certificates.Certificate"/> exactly as a body would have published them
/// then, and the aggregate's own rules (no future dates, lifecycle order) check every demo event.
/// </summary>
internal sealed class DemoClock : TimeProvider
{
    private DateTimeOffset _now;

    public DateTimeOffset Now
    {
        get => _now;
        set => _now = value.ToUniversalTime();
    }

    public override DateTimeOffset GetUtcNow() => _now;
}
