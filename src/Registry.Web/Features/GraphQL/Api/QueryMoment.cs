namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// The one instant a request is answered at, read from the clock once, so that every "now" and "today" in a
/// response agree with each other even when the request spans midnight in China.
/// </summary>
public sealed class QueryMoment(TimeProvider clock)
{
    public DateTimeOffset Now { get; private set; } = clock.GetUtcNow();

    public DateOnly Today => RegistryCalendar.DateOf(Now);

    /// <summary>After a mutation: what the request answers next must count the change it just published.</summary>
    public void Refresh() => Now = clock.GetUtcNow();
}
