using Npgsql;

namespace Registry.Web.Data.Outbox;

/// <summary>
/// Something kept in step with the outbox (the certificate cache, the search index, the status relay), run by an
/// <see cref="OutboxListener"/>. The listener owns the loop: the session, LISTEN, waking on NOTIFY or the poll
/// interval, catching up batch by batch, retrying after a failure, and the status it reports. The follower says
/// where it stands and what a batch means to it.
/// </summary>
public interface IOutboxFollower
{
    /// <summary>Stable name its status is reported under (health checks and metrics key on it).</summary>
    string Name { get; }

    /// <summary>Longest wait for a NOTIFY before reading the outbox anyway.</summary>
    TimeSpan PollInterval { get; }

    /// <summary>Pause after a failed or declined session before the next one.</summary>
    TimeSpan RetryDelay { get; }

    /// <summary>
    /// The connection to listen on for one session, or null to stand by until <see cref="RetryDelay"/> has passed.
    /// It is closed when the session ends.
    /// </summary>
    Task<NpgsqlConnection?> OpenSessionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Once per session, after LISTEN: the sequence up to which everything is applied.
    /// <paramref name="resumeAfter"/> is where the previous session of this listener got to (null for the first).
    /// </summary>
    Task<long> StartPositionAsync(NpgsqlConnection session, long? resumeAfter, CancellationToken cancellationToken);

    /// <summary>
    /// Before each later round of the session: where to continue from. Only a follower whose state can be replaced
    /// from outside the outbox (the index switching to a generation an operator rebuilt) moves it.
    /// </summary>
    Task<long> RoundStartingAsync(long position, CancellationToken cancellationToken) => Task.FromResult(position);

    /// <summary>Reads and applies the next batch after <paramref name="after"/>.</summary>
    Task<OutboxBatch> ApplyNextAsync(NpgsqlConnection session, long after, CancellationToken cancellationToken);

    /// <summary>The round read the outbox to its end: every change committed before it began is applied.</summary>
    Task CaughtUpAsync(OutboxRound round, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Every session attempt ends here: with the failure that ended it, or null when the follower declined the
    /// session or the host is stopping. The follower logs the failure in its own words.
    /// </summary>
    void SessionEnded(Exception? failure)
    {
    }
}

/// <summary>What one batch did.</summary>
/// <param name="Position">The sequence applied up to now (unchanged when the batch found nothing).</param>
/// <param name="Messages">Changes applied, for logs and status.</param>
/// <param name="More">Whether the listener should read again before it waits.</param>
public readonly record struct OutboxBatch(long Position, int Messages, bool More)
{
    public static OutboxBatch Nothing(long after) => new(after, 0, false);
}

/// <summary>One catch-up, from where the round started to the end of the outbox.</summary>
public readonly record struct OutboxRound(long StartedAfter, long Position, int Messages);
