using Registry.Domain.Time;

namespace Registry.Domain.Lifecycle;

/// <summary>
/// Answers every status question by folding events. The three questions users ask are one fold with
/// two filters: which events were in effect on a date, and which had been published by an instant.
/// </summary>
public static class StatusHistory
{
    /// <summary>The state on <paramref name="onDate"/>, counting only events published by <paramref name="knownAt"/>.</summary>
    public static CertificateState Fold(IEnumerable<StatusEvent> events, DateOnly onDate, DateTimeOffset knownAt)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = CertificateState.NotIssued;
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (e.EffectiveOn > onDate || e.PublishedAt > knownAt)
            {
                continue;
            }

            state = Apply(state, e);
        }

        return state is { Standing: { } standing, ExpiresOn: { } expiresOn }
            ? state with { Status = standing.StatusOn(expiresOn, onDate) }
            : state;
    }

    /// <summary>Status now, from everything published so far.</summary>
    public static CertificateState Current(IEnumerable<StatusEvent> events, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return Fold(events, RegistryCalendar.DateOf(now), now);
    }

    /// <summary>The status in effect on a date, as the registry knows it today (back-dated changes included).</summary>
    public static CertificateState InEffectOn(IEnumerable<StatusEvent> events, DateOnly date, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Fold(events, date, clock.GetUtcNow());
    }

    /// <summary>What the registry said at an instant: only what had been published by then.</summary>
    public static CertificateState AsPublishedAt(IEnumerable<StatusEvent> events, DateTimeOffset instant) =>
        Fold(events, RegistryCalendar.DateOf(instant), instant);

    private static CertificateState Apply(CertificateState state, StatusEvent e)
    {
        var standing = e.Kind switch
        {
            StatusEventKind.Issued or StatusEventKind.Reinstated or StatusEventKind.Renewed => CertificateStanding.Valid,
            StatusEventKind.Suspended => CertificateStanding.Suspended,
            StatusEventKind.Withdrawn => CertificateStanding.Withdrawn,
            StatusEventKind.Cancelled => CertificateStanding.Cancelled,
            _ => state.Standing,
        };

        return new CertificateState(
            standing?.Status(lapsed: false) ?? CertificateStatus.NotIssued,
            standing,
            e.Level ?? state.Level,
            e.Scores ?? state.Scores,
            e.ScopeZh ?? state.ScopeZh,
            e.ScopeEn ?? state.ScopeEn,
            e.ExpiresOn ?? state.ExpiresOn,
            e);
    }
}
