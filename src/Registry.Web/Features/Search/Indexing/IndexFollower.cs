using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Querying;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.Search.Indexing;

/// <summary>
/// Keeps this instance's replica in step with PostgreSQL: builds it when missing, follows the outbox
/// (woken by NOTIFY, polling as a fallback), and switches to a generation an operator rebuilt.
/// </summary>
public sealed partial class IndexFollower(
    SearchReplica replica,
    NpgsqlDataSource dataSource,
    IndexRebuilder rebuilder,
    IOptions<SearchIndexOptions> options,
    ILogger<IndexFollower> logger,
    OutboxFollowerRegistry? followers = null) : BackgroundService, IOutboxFollower
{
    private static readonly TimeSpan RetireDelay = TimeSpan.FromSeconds(10);

    private readonly IndexGenerations _generations = new(options.Value.IndexPath);
    private readonly OutboxApplier _applier = new(dataSource, options.Value.BatchSize);

    public string Name => "search-index";

    public TimeSpan PollInterval => options.Value.PollInterval;

    public TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => new OutboxListener(this, followers).RunAsync(stoppingToken);

    public async Task<NpgsqlConnection?> OpenSessionAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    public Task<long> StartPositionAsync(NpgsqlConnection session, long? resumeAfter, CancellationToken cancellationToken) =>
        PositionOfCurrentGenerationAsync(cancellationToken);

    // Every round looks for a generation an operator rebuilt, and continues from wherever the serving one stands.
    public Task<long> RoundStartingAsync(long position, CancellationToken cancellationToken) => PositionOfCurrentGenerationAsync(cancellationToken);

    // Read on a pooled connection, not the session: a NOTIFY that arrives while a batch is read then stays queued
    // on the session and ends the next wait at once, instead of being consumed by the read and waiting for the poll.
    public async Task<OutboxBatch> ApplyNextAsync(NpgsqlConnection session, long after, CancellationToken cancellationToken)
    {
        var index = replica.Current!;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = await _applier.ApplyNextAsync(connection, index, cancellationToken);
        return new OutboxBatch(index.AppliedSequence, applied, More: applied > 0);
    }

    public async Task CaughtUpAsync(OutboxRound round, CancellationToken cancellationToken)
    {
        if (round.Messages > 0)
        {
            LogApplied(round.Messages, replica.Current!.AppliedSequence);
            await Task.Delay(options.Value.ApplyInterval, cancellationToken);
        }
    }

    public void SessionEnded(Exception? failure)
    {
        if (failure is not null)
        {
            LogFailure(failure);
        }
    }

    private async Task<long> PositionOfCurrentGenerationAsync(CancellationToken cancellationToken)
    {
        await FollowCurrentGenerationAsync(_generations, _applier, cancellationToken);
        return replica.Current!.AppliedSequence;
    }

    private async Task FollowCurrentGenerationAsync(IndexGenerations generations, OutboxApplier applier, CancellationToken cancellationToken)
    {
        var folder = generations.Current();
        if (folder is null)
        {
            LogBuilding(generations.Root);
            var built = await rebuilder.RebuildAsync(generations, progress: null, cancellationToken);
            LogBuilt(built.Documents, built.OutboxSequence, built.Elapsed.TotalSeconds);
            folder = built.Folder;
        }

        if (string.Equals(replica.Current?.Folder, folder, StringComparison.Ordinal))
        {
            return;
        }

        var next = new SearchIndex(folder);
        try
        {
            await applier.CatchUpAsync(next, cancellationToken);
            WarmFacets(next);
        }
        catch
        {
            next.Dispose();
            throw;
        }

        var previous = replica.Swap(next);
        LogSwitched(folder, next.AppliedSequence);
        if (previous is not null)
        {
            _ = RetireAsync(previous, generations);
        }
    }

    /// <summary>Facet arrays are read before the generation serves, not by the first search on it.</summary>
    private static void WarmFacets(SearchIndex index)
    {
        var searcher = index.Acquire();
        try
        {
            FacetCollector.Warm(searcher);
        }
        finally
        {
            index.Release(searcher);
        }
    }

    /// <summary>
    /// Closes a replaced generation once searches that leased it have finished, then clears old folders.
    /// Nobody awaits this, so a failure (say the replica folder was removed by hand) is logged here rather
    /// than lost as an unobserved task exception.
    /// </summary>
    private async Task RetireAsync(SearchIndex previous, IndexGenerations generations)
    {
        await Task.Delay(RetireDelay, CancellationToken.None);
        try
        {
            previous.Dispose();
            generations.RemoveOld();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRetireFailure(ex, previous.Folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: applied {Count} outbox message(s), now at sequence {Sequence}")]
    private partial void LogApplied(int count, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: no index in {Root}; building one from PostgreSQL")]
    private partial void LogBuilding(string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: built {Documents} documents up to outbox sequence {Sequence} in {Seconds:0.0} s")]
    private partial void LogBuilt(long documents, long sequence, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index: now serving {Folder} at sequence {Sequence}")]
    private partial void LogSwitched(string folder, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index: could not close or clear away the replaced generation {Folder}")]
    private partial void LogRetireFailure(Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index: following the outbox failed; retrying")]
    private partial void LogFailure(Exception exception);
}
