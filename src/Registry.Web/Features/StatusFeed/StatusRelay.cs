using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Web.Data.Outbox;
using StackExchange.Redis;

namespace Registry.Web.Features.StatusFeed;

/// <summary>
/// Publishes every outbox change on the feed's Redis channel. Every instance runs one, but only the holder of a
/// session-level advisory lock relays: the lock lives as long as the relay's own PostgreSQL session, so when the
/// leader's process or connection dies, PostgreSQL frees it and another instance takes over from the last sequence
/// recorded in Redis. A leader that fails between publishing and recording publishes some changes again
/// (at least once); receivers drop sequences they have seen.
/// </summary>
public sealed partial class StatusRelay(
    IConfiguration configuration,
    RedisConnection redis,
    FeedNames names,
    StatusChangeFeed feed,
    IOptions<StatusFeedOptions> options,
    OutboxFollowerRegistry followers,
    ILogger<StatusRelay> logger) : BackgroundService, IOutboxFollower
{
    /// <summary>The advisory lock key ("StarRelay"); advisory locks are per database, like the outbox it relays.</summary>
    public const long LeaderLockKey = 0x53746172_52656C61;

    private const int BatchSize = 500;

    private volatile bool _isLeader;
    private long _relayed;
    private IDatabase? _database;

    public bool IsLeader => _isLeader;

    /// <summary>The last outbox sequence this instance published (or started after) while it led.</summary>
    public long RelayedSequence => Interlocked.Read(ref _relayed);

    public string Name => "status-relay";

    public TimeSpan PollInterval => options.Value.PollInterval;

    /// <summary>After a failure and, for an instance that is not the leader, between asks for the lock.</summary>
    public TimeSpan RetryDelay => options.Value.LeaderRetryInterval;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        redis.IsConfigured ? new OutboxListener(this, followers).RunAsync(stoppingToken) : Task.CompletedTask;

    /// <summary>The leader's session, holding the lock; null while another instance holds it.</summary>
    public async Task<NpgsqlConnection?> OpenSessionAsync(CancellationToken cancellationToken)
    {
        // Its own unpooled session: closing it must end the session, and with it the lock.
        var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(DataExtensions.ConnectionStringName))
        {
            Pooling = false,
            ApplicationName = "star-registry status relay",
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (await TryLeadAsync(connection, cancellationToken))
            {
                return connection;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async Task<long> StartPositionAsync(NpgsqlConnection session, long? resumeAfter, CancellationToken cancellationToken)
    {
        _database = (await redis.GetAsync(cancellationToken)).GetDatabase();
        var sequence = await StartingPointAsync(session, _database, cancellationToken);
        Interlocked.Exchange(ref _relayed, sequence);
        _isLeader = true;
        LogLeading(names.Namespace, sequence);
        return sequence;
    }

    public async Task<OutboxBatch> ApplyNextAsync(NpgsqlConnection session, long after, CancellationToken cancellationToken)
    {
        var database = _database!;
        var (changes, last) = await StatusChangeReader.AfterAsync(session, after, BatchSize, cancellationToken);
        if (last == after)
        {
            return OutboxBatch.Nothing(after);
        }

        foreach (var change in changes)
        {
            await database.PublishAsync(names.Channel, change.ToJson());
            Interlocked.Exchange(ref _relayed, change.Sequence);
        }

        // Recorded after publishing: a leader that dies in between makes its successor repeat, never skip.
        await database.StringSetAsync(names.RelayedSequence, last);
        return new OutboxBatch(last, changes.Count, More: true);
    }

    public void SessionEnded(Exception? failure)
    {
        if (failure is not null)
        {
            LogFailure(failure);
        }

        _database = null;
        if (_isLeader)
        {
            _isLeader = false;
            LogSteppedDown();
        }
    }

    private static async Task<bool> TryLeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LeaderLockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // The first leader ever starts at the outbox's end: the feed is for changes from now on, not a replay of history.
    // A Redis that comes back empty (restarted without persistence) has lost the recorded position, not the
    // changes made while it was down: this instance resumes after the last change it relayed or received.
    private async Task<long> StartingPointAsync(NpgsqlConnection connection, IDatabase database, CancellationToken cancellationToken)
    {
        // RedisValue.TryParse reads a missing key as 0, which would replay the whole outbox: ask HasValue first.
        if (await database.StringGetAsync(names.RelayedSequence) is { HasValue: true } value && value.TryParse(out long stored))
        {
            return stored;
        }

        var known = Math.Max(RelayedSequence, feed.LastDelivered);
        if (known > 0)
        {
            await database.StringSetAsync(names.RelayedSequence, known, when: When.NotExists);
            LogResuming(known);
            return known;
        }

        var end = await OutboxReader.LastSequenceAsync(connection, null, cancellationToken);
        await database.StringSetAsync(names.RelayedSequence, end, when: When.NotExists);
        LogStartingAtEnd(end);
        return end;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Status relay: this instance now relays the outbox to Redis (namespace {Namespace}), after sequence {Sequence}")]
    private partial void LogLeading(string @namespace, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Status relay: this instance no longer relays")]
    private partial void LogSteppedDown();

    [LoggerMessage(Level = LogLevel.Information, Message = "Status relay: no relayed position in Redis; starting after outbox sequence {Sequence}")]
    private partial void LogStartingAtEnd(long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status relay: Redis holds no relayed position (restarted empty?); resuming after sequence {Sequence}, the last this instance relayed or received")]
    private partial void LogResuming(long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status relay: cannot relay (PostgreSQL or Redis unavailable); trying again")]
    private partial void LogFailure(Exception exception);
}
