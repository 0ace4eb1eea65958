using Microsoft.AspNetCore.OutputCaching;
using Npgsql;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// Evicts, on every instance, what each change touched: the certificate's entries (its page, its verdicts, the GraphQL
/// answers that showed it), its holder's page, and the families that list many certificates (search, home, bodies,
/// GraphQL). Eviction frees space; it is not what keeps answers fresh (the keys are, see README.md), so a failed eviction
/// does not hold the follower back: the tag is kept and tried again after every round until it succeeds.
/// </summary>
public sealed partial class PageCacheEvictionFollower(
    IOutputCacheStore store,
    NpgsqlDataSource dataSource,
    OutboxFollowerRegistry followers,
    PageCacheMetrics metrics,
    ILogger<PageCacheEvictionFollower> logger) : BackgroundService, IOutboxFollower
{
    private const int BatchSize = 1000;

    /// <summary>Tags still to evict after failures; past this many, the oldest are given up (the keys make them unreachable and they expire).</summary>
    public const int MaxPending = 10_000;

    private static readonly string[] ListingFamilies = [PageCacheFamily.Search.Name, PageCacheFamily.Home.Name, PageCacheFamily.Body.Name, PageCacheFamily.GraphQL.Name];

    private readonly object _pendingLock = new();
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);

    public string Name => "page-cache";

    public TimeSpan PollInterval { get; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Tags whose eviction failed and waits for a retry.</summary>
    public int PendingCount
    {
        get
        {
            lock (_pendingLock)
            {
                return _pending.Count;
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => new OutboxListener(this, followers).RunAsync(stoppingToken);

    public async Task<NpgsqlConnection?> OpenSessionAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<long> StartPositionAsync(NpgsqlConnection session, long? resumeAfter, CancellationToken cancellationToken) =>
        resumeAfter ?? await OutboxReader.LastSequenceAsync(session, null, cancellationToken);

    public async Task<OutboxBatch> ApplyNextAsync(NpgsqlConnection session, long after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT m.sequence, c.normalized_number, o.credit_code
            FROM outbox_messages m
            JOIN certificates c ON c.id = m.certificate_id
            JOIN organisations o ON o.id = c.organisation_id
            WHERE m.sequence > @after ORDER BY m.sequence LIMIT @limit
            """, session);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", BatchSize);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var position = after;
        var count = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                position = reader.GetInt64(0);
                tags.Add(PageCacheTags.Certificate(reader.GetString(1)));
                tags.Add(PageCacheTags.Organisation(reader.GetString(2)));
                count++;
            }
        }

        if (count == 0)
        {
            return OutboxBatch.Nothing(after);
        }

        tags.UnionWith(ListingFamilies);
        await EvictAsync(tags, cancellationToken);
        return new OutboxBatch(position, count, More: count == BatchSize);
    }

    public async Task CaughtUpAsync(OutboxRound round, CancellationToken cancellationToken)
    {
        string[] retry;
        lock (_pendingLock)
        {
            retry = [.. _pending];
            _pending.Clear();
        }

        if (retry.Length > 0)
        {
            await EvictAsync(retry, cancellationToken);
        }
    }

    public void SessionEnded(Exception? failure)
    {
        if (failure is not null)
        {
            LogFailure(failure);
        }
    }

    private async Task EvictAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        var failed = 0;
        string? firstError = null;
        foreach (var tag in tags)
        {
            try
            {
                await store.EvictByTagAsync(tag, cancellationToken);
                metrics.Evicted(tag);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                metrics.EvictionFailed(tag);
                failed++;
                firstError ??= e.Message;
                lock (_pendingLock)
                {
                    if (_pending.Count < MaxPending)
                    {
                        _pending.Add(tag);
                    }
                }
            }
        }

        // One line a round, not one a tag: while Redis is away every tag fails the same way.
        if (failed > 0)
        {
            LogEvictionsFailed(failed, firstError!);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page cache: {Count} eviction(s) failed ({Error}); they are retried after the next round")]
    private partial void LogEvictionsFailed(int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page cache: cannot follow the outbox; evictions wait until it can (the keys keep answers fresh meanwhile)")]
    private partial void LogFailure(Exception exception);
}
