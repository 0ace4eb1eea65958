namespace Registry.Web.Features.Verification;

/// <summary>
/// The date a status began and the reason given for it, for the "since … because …" line. The fold says
/// what the status is; this finds the event that made it so, under the same filters (in effect today,
/// published by now), because a later scope change says nothing about why a certificate is suspended.
/// </summary>
internal static class StatusSince
{
    public static (DateOnly? Since, string? Reason) Of(CertificateState state, IEnumerable<StatusEvent> events, DateOnly today, DateTimeOffset now)
    {
        if (state.Status == CertificateStatus.Expired)
        {
            // Expiry is the calendar, not an event: not valid from the day after the last valid day.
            return (state.ExpiresOn?.AddDays(1), null);
        }

        var cause = events
            .Where(e => e.EffectiveOn <= today && e.PublishedAt <= now && ChangesStanding(e.Kind))
            .MaxBy(e => e.Sequence);
        return cause is null ? (null, null) : (cause.EffectiveOn, cause.Reason.Length > 0 ? cause.Reason : null);
    }

    private static bool ChangesStanding(StatusEventKind kind) =>
        kind is not (StatusEventKind.ScopeChanged or StatusEventKind.LevelChanged);
}
