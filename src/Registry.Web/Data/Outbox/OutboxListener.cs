using Npgsql;

namespace Registry.Web.Data.Outbox;

/// <summary>
/// Runs one <see cref="IOutboxFollower"/>: opens its session and LISTENs for the publisher's NOTIFY, reads the
/// outbox to its end batch by batch, waits for the next NOTIFY or the poll interval, and after a failure waits
/// and opens a new session, resuming where it got to. Polling stays even with NOTIFY: a notification sent while
/// no session listened is lost, and the poll bounds what that costs.
/// </summary>
public sealed class OutboxListener
{
    private readonly IOutboxFollower _follower;
    private readonly OutboxFollowerRegistry? _registry;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();

    private OutboxFollowerState _state = OutboxFollowerState.Starting;
    private long? _position;
    private long _latestSeen;
    private DateTimeOffset? _lastAppliedAt;
    private DateTimeOffset? _caughtUpAt;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;

    public OutboxListener(IOutboxFollower follower, OutboxFollowerRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(follower);
        _follower = follower;
        _registry = registry;
        _clock = registry?.Clock ?? TimeProvider.System;
    }

    public string Name => _follower.Name;

    public OutboxFollowerStatus Status
    {
        get
        {
            lock (_gate)
            {
                var latest = Math.Max(_latestSeen, _registry?.LatestKnownSequence ?? 0);
                var lag = _position is { } position && _state is not (OutboxFollowerState.StandingBy or OutboxFollowerState.Starting)
                    ? Math.Max(0, latest - position)
                    : (long?)null;
                return new OutboxFollowerStatus(Name, _state, _position, latest, lag, _lastAppliedAt, _caughtUpAt, _lastError, _lastErrorAt);
            }
        }
    }

    /// <summary>Follows until <paramref name="stoppingToken"/> is cancelled; failures are retried, never thrown.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        _registry?.Add(this);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Exception? failure = null;
                try
                {
                    await using var session = await _follower.OpenSessionAsync(stoppingToken);
                    if (session is null)
                    {
                        SetState(OutboxFollowerState.StandingBy);
                    }
                    else
                    {
                        await FollowAsync(session, stoppingToken);
                    }
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    failure = ex;
                    Failed(ex);
                }
                finally
                {
                    _follower.SessionEnded(failure);
                }

                try
                {
                    await Task.Delay(_follower.RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            SetState(OutboxFollowerState.Stopped);
        }
    }

    /// <summary>One session: returns only by throwing (a failure, or cancellation when the host stops).</summary>
    private async Task FollowAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        // LISTEN before the start position is read, so that a change committed in between still wakes the first wait.
        await using (var listen = new NpgsqlCommand($"LISTEN {OutboxTopics.NotificationChannel}", session))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        var position = await _follower.StartPositionAsync(session, _position, cancellationToken);
        Started(position);
        while (true)
        {
            var startedAfter = position;
            var messages = 0;
            while (true)
            {
                var batch = await _follower.ApplyNextAsync(session, position, cancellationToken);
                position = batch.Position;
                messages += batch.Messages;
                Applied(batch);
                if (!batch.More)
                {
                    break;
                }
            }

            CaughtUp();
            await _follower.CaughtUpAsync(new OutboxRound(startedAfter, position, messages), cancellationToken);
            await session.WaitAsync(_follower.PollInterval, cancellationToken);
            position = await _follower.RoundStartingAsync(position, cancellationToken);
            Moved(position);
        }
    }

    private void SetState(OutboxFollowerState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    private void Started(long position)
    {
        lock (_gate)
        {
            _state = OutboxFollowerState.Following;
            _position = position;
        }

        Seen(position);
    }

    private void Moved(long position)
    {
        lock (_gate)
        {
            _position = position;
        }

        Seen(position);
    }

    private void Applied(OutboxBatch batch)
    {
        lock (_gate)
        {
            _position = batch.Position;
            if (batch.Messages > 0)
            {
                _lastAppliedAt = _clock.GetUtcNow();
            }
        }

        Seen(batch.Position);
    }

    private void CaughtUp()
    {
        lock (_gate)
        {
            _caughtUpAt = _clock.GetUtcNow();
        }
    }

    private void Failed(Exception failure)
    {
        lock (_gate)
        {
            _state = OutboxFollowerState.Retrying;
            _lastError = $"{failure.GetType().Name}: {failure.Message}";
            _lastErrorAt = _clock.GetUtcNow();
        }
    }

    private void Seen(long sequence)
    {
        lock (_gate)
        {
            _latestSeen = Math.Max(_latestSeen, sequence);
        }

        _registry?.Saw(sequence);
    }
}
