namespace Registry.Web.Data.Outbox;

public enum OutboxFollowerState
{
    /// <summary>Not yet through its first session's start.</summary>
    Starting,

    /// <summary>Has a session and applies what the outbox holds.</summary>
    Following,

    /// <summary>Declined a session (the status relay without the leader's lock) and asks again later.</summary>
    StandingBy,

    /// <summary>Its last session failed; waiting to open another.</summary>
    Retrying,

    /// <summary>The host stopped it.</summary>
    Stopped,
}

/// <summary>
/// A snapshot of one follower, for health checks and metrics.
/// </summary>
/// <param name="Position">The sequence up to which it has applied the outbox; null before it first started.</param>
/// <param name="LatestKnownSequence">
/// The highest sequence any follower in this instance has reached. No query is spent on it, so while every
/// follower is cut off it stays at what was known then; a follower failing alone shows its lag growing as the
/// others move on.
/// </param>
/// <param name="Lag">Known outbox messages it has not applied; null while it stands by or before it starts.</param>
/// <param name="LastAppliedAt">When it last applied a batch that held changes.</param>
/// <param name="CaughtUpAt">When it last read the outbox to its end.</param>
/// <param name="LastError">Type and message of the failure that ended its last failed session.</param>
public sealed record OutboxFollowerStatus(
    string Name,
    OutboxFollowerState State,
    long? Position,
    long LatestKnownSequence,
    long? Lag,
    DateTimeOffset? LastAppliedAt,
    DateTimeOffset? CaughtUpAt,
    string? LastError,
    DateTimeOffset? LastErrorAt);
