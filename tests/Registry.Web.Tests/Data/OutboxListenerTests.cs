using System.Diagnostics;
using Npgsql;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Tests.Data;

/// <summary>
/// The one loop every outbox follower runs (<see cref="OutboxListener"/>), with a follower that records what it is
/// given, on a database of its own so that no other test's changes reach its outbox.
/// </summary>
public sealed class OutboxListenerTests(OutboxListenerTests.OwnDatabase database) : IClassFixture<OutboxListenerTests.OwnDatabase>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_message_is_delivered_once_in_order_woken_by_notify_and_the_position_is_reported()
    {
        // A poll far longer than the test: only the NOTIFY can wake the listener in time.
        var follower = new RecordingFollower(database.DataSource, "ordered", pollInterval: TimeSpan.FromMinutes(5));
        var registry = new OutboxFollowerRegistry();
        await using var running = Run(follower, registry);
        await Until(() => registry.Find("ordered")?.State == OutboxFollowerState.Following, "the listener started");
        await Until(() => follower.Rounds > 0, "the listener read the outbox to its end once");

        var written = await database.AppendAsync(7);
        await Until(() => follower.Delivered.Count >= written.Count, "the notified messages were delivered");

        follower.Delivered.ShouldBe(written, "every message, once, in sequence order");
        follower.Batches.ShouldAllBe(b => b <= RecordingFollower.BatchSize);
        var status = registry.Find("ordered")!;
        status.Position.ShouldBe(written[^1]);
        status.LatestKnownSequence.ShouldBe(written[^1]);
        status.Lag.ShouldBe(0);
        status.LastAppliedAt.ShouldNotBeNull();
        status.CaughtUpAt.ShouldNotBeNull();
        status.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task After_a_failure_it_resumes_where_it_got_to_and_records_the_error()
    {
        var follower = new RecordingFollower(database.DataSource, "failing", pollInterval: TimeSpan.FromMilliseconds(100));
        var registry = new OutboxFollowerRegistry();
        await using var running = Run(follower, registry);
        await Until(() => follower.Rounds > 0, "the listener read the outbox to its end once");
        var start = registry.Find("failing")!.Position!.Value;

        // Batches of two: the second, holding the third and fourth messages, fails once.
        follower.FailOnceAtMessage(3);
        var written = await database.AppendAsync(5);
        await Until(() => follower.Delivered.Count >= written.Count, "the messages after the failure were delivered");

        follower.Delivered.ShouldBe(written, "nothing skipped or repeated across the failure");
        follower.Failures.ShouldBe(1);
        follower.SessionsEnded.ShouldBe([$"InvalidOperationException: refused {written[3]}"]);
        follower.ResumedAfter.ShouldBe([null, written[1]], "the second session resumes after the last batch applied");
        var status = registry.Find("failing")!;
        status.State.ShouldBe(OutboxFollowerState.Following);
        status.LastError.ShouldBe($"InvalidOperationException: refused {written[3]}");
        status.LastErrorAt.ShouldNotBeNull();
        status.Position.ShouldBe(written[^1]);
        start.ShouldBeLessThan(written[0]);
    }

    [Fact]
    public async Task A_follower_that_cannot_apply_shows_its_lag_behind_the_others()
    {
        var registry = new OutboxFollowerRegistry();
        var healthy = new RecordingFollower(database.DataSource, "healthy", pollInterval: TimeSpan.FromMilliseconds(100));
        var stuck = new RecordingFollower(database.DataSource, "stuck", pollInterval: TimeSpan.FromMilliseconds(100));
        await using var runningHealthy = Run(healthy, registry);
        await using var runningStuck = Run(stuck, registry);
        await Until(() => healthy.Rounds > 0 && stuck.Rounds > 0, "both listeners read the outbox to its end once");

        var stuckAt = registry.Find("stuck")!.Position!.Value;
        stuck.FailEveryBatch();
        var written = await database.AppendAsync(4);
        await Until(() => healthy.Delivered.Count >= written.Count, "the healthy follower applied everything");
        await Until(() => registry.Find("stuck")!.State == OutboxFollowerState.Retrying, "the stuck follower failed");

        registry.LatestKnownSequence.ShouldBe(written[^1]);
        var status = registry.Find("stuck")!;
        status.Lag.ShouldBe(written.Count);
        status.Position.ShouldBe(stuckAt);
        status.LastError.ShouldBe($"InvalidOperationException: refused {written[0]}");
        registry.Find("healthy")!.Lag.ShouldBe(0);
        registry.Statuses().Select(s => s.Name).ShouldBe(["healthy", "stuck"]);
    }

    [Fact]
    public async Task A_follower_that_declines_its_session_stands_by_and_a_stopped_one_says_so()
    {
        var registry = new OutboxFollowerRegistry();
        var follower = new RecordingFollower(database.DataSource, "standby", pollInterval: TimeSpan.FromMilliseconds(100)) { Declines = true };
        var running = Run(follower, registry);
        await Until(() => follower.Declined >= 2, "the follower was asked for a session again after its retry delay");

        var status = registry.Find("standby")!;
        status.State.ShouldBe(OutboxFollowerState.StandingBy);
        status.Position.ShouldBeNull();
        status.Lag.ShouldBeNull();
        follower.Delivered.ShouldBeEmpty();

        await running.DisposeAsync();
        registry.Find("standby")!.State.ShouldBe(OutboxFollowerState.Stopped);
        follower.SessionsEnded.ShouldAllBe(e => e == null, "declining is not a failure, nor is stopping");
    }

    private static Running Run(RecordingFollower follower, OutboxFollowerRegistry registry)
    {
        var stopping = new CancellationTokenSource();
        return new Running(new OutboxListener(follower, registry).RunAsync(stopping.Token), stopping);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            watch.Elapsed.ShouldBeLessThan(Bound, what);
            await Task.Delay(10);
        }
    }

    private sealed class Running(Task run, CancellationTokenSource stopping) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stopping.CancelAsync();
            // The listener never throws: it stops when told to.
            await run.WaitAsync(Bound);
            stopping.Dispose();
        }
    }

    /// <summary>Reads the outbox like the certificate cache does, and records everything the listener asks of it.</summary>
    private sealed class RecordingFollower(NpgsqlDataSource dataSource, string name, TimeSpan pollInterval) : IOutboxFollower
    {
        public const int BatchSize = 2;

        private readonly Lock _gate = new();
        private readonly List<long> _delivered = [];
        private readonly List<int> _batches = [];
        private readonly List<long?> _resumedAfter = [];
        private readonly List<string?> _sessionsEnded = [];
        private int _failAtMessage = -1;
        private volatile bool _failEveryBatch;
        private int _rounds;
        private int _failures;
        private int _declined;

        public string Name => name;

        public TimeSpan PollInterval => pollInterval;

        public TimeSpan RetryDelay => TimeSpan.FromMilliseconds(100);

        public bool Declines { get; init; }

        public List<long> Delivered => Locked(() => _delivered.ToList());

        public List<int> Batches => Locked(() => _batches.ToList());

        public List<long?> ResumedAfter => Locked(() => _resumedAfter.ToList());

        public List<string?> SessionsEnded => Locked(() => _sessionsEnded.ToList());

        public int Rounds => Volatile.Read(ref _rounds);

        public int Failures => Locked(() => _failures);

        public int Declined => Volatile.Read(ref _declined);

        /// <summary>The batch holding the message at this index (counted from 0 over what was delivered) fails, once.</summary>
        public void FailOnceAtMessage(int index)
        {
            lock (_gate)
            {
                _failAtMessage = index;
            }
        }

        /// <summary>Every batch that holds anything fails from now on.</summary>
        public void FailEveryBatch() => _failEveryBatch = true;

        public async Task<NpgsqlConnection?> OpenSessionAsync(CancellationToken cancellationToken)
        {
            if (Declines)
            {
                Interlocked.Increment(ref _declined);
                return null;
            }

            return await dataSource.OpenConnectionAsync(cancellationToken);
        }

        public async Task<long> StartPositionAsync(NpgsqlConnection session, long? resumeAfter, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _resumedAfter.Add(resumeAfter);
            }

            return resumeAfter ?? await OutboxReader.LastSequenceAsync(session, null, cancellationToken);
        }

        public async Task<OutboxBatch> ApplyNextAsync(NpgsqlConnection session, long after, CancellationToken cancellationToken)
        {
            var entries = await OutboxReader.AfterAsync(session, after, BatchSize, cancellationToken);
            if (entries.Count == 0)
            {
                return OutboxBatch.Nothing(after);
            }

            lock (_gate)
            {
                var failing = _failEveryBatch ? entries[0]
                    : _failAtMessage >= 0 && _delivered.Count + entries.Count > _failAtMessage ? entries[_failAtMessage - _delivered.Count]
                    : null;
                if (failing is not null)
                {
                    _failAtMessage = -1;
                    _failures++;
                    throw new InvalidOperationException($"refused {failing.Sequence}");
                }

                _delivered.AddRange(entries.Select(e => e.Sequence));
                _batches.Add(entries.Count);
            }

            return new OutboxBatch(entries[^1].Sequence, entries.Count, More: entries.Count == BatchSize);
        }

        public Task CaughtUpAsync(OutboxRound round, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _rounds);
            return Task.CompletedTask;
        }

        public void SessionEnded(Exception? failure)
        {
            lock (_gate)
            {
                _sessionsEnded.Add(failure is null ? null : $"{failure.GetType().Name}: {failure.Message}");
            }
        }

        private T Locked<T>(Func<T> read)
        {
            lock (_gate)
            {
                return read();
            }
        }
    }

    /// <summary>A database for this class alone; its outbox holds only what the tests append.</summary>
    public sealed class OwnDatabase : IAsyncLifetime
    {
        private readonly RegistryDatabase _database = new();

        public NpgsqlDataSource DataSource => _database.DataSource;

        public ValueTask InitializeAsync() => _database.InitializeAsync();

        public ValueTask DisposeAsync() => _database.DisposeAsync();

        /// <summary>Appends <paramref name="count"/> messages in one transaction that notifies at commit, as the publisher does.</summary>
        public async Task<IReadOnlyList<long>> AppendAsync(int count)
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var sequences = new List<long>();
            await using (var insert = new NpgsqlCommand(
                """
                INSERT INTO outbox_messages (topic, certificate_id, certificate_number, payload)
                SELECT 'test', n, 'TEST-' || n, '{}' FROM generate_series(1, @count) AS n
                RETURNING sequence
                """, connection, transaction))
            {
                insert.Parameters.AddWithValue("count", count);
                await using var reader = await insert.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    sequences.Add(reader.GetInt64(0));
                }
            }

            await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{OutboxTopics.NotificationChannel}', '')", connection, transaction))
            {
                await notify.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            sequences.Sort();
            return sequences;
        }
    }
}
