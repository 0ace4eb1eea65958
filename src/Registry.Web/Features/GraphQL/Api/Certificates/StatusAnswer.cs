using Registry.Domain.Levels;

namespace Registry.Web.Features.GraphQL.Api.Certificates;

/// <summary>
/// The answer to one status question: the fold of the events in effect on <see cref="OnDate"/> that had been
/// published by <see cref="KnownAt"/>, with the events it came from (for "since when and why").
/// </summary>
public sealed record StatusAnswer(CertificateState State, IReadOnlyList<StatusEvent> Events, Scheme Scheme, DateOnly OnDate, DateTimeOffset KnownAt)
{
    /// <summary>Status on a date, as the registry knows it at <paramref name="now"/> (back-dated changes count).</summary>
    public static StatusAnswer InEffectOn(IReadOnlyList<StatusEvent> events, Scheme scheme, DateOnly date, DateTimeOffset now) =>
        new(StatusHistory.Fold(events, date, now), events, scheme, date, now);

    /// <summary>What the registry said at an instant: only what had been published by then.</summary>
    public static StatusAnswer AsPublishedAt(IReadOnlyList<StatusEvent> events, Scheme scheme, DateTimeOffset instant) =>
        new(StatusHistory.AsPublishedAt(events, instant), events, scheme, RegistryCalendar.DateOf(instant), instant);
}
