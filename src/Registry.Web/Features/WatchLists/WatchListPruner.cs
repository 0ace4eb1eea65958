using Microsoft.Extensions.Options;

namespace Registry.Web.Features.WatchLists;

/// <summary>Deletes watch lists whose page and feed nobody has read for <see cref="WatchListOptions.Retention"/> (their items go with them).</summary>
public sealed class WatchListPruner(
    IServiceScopeFactory scopes,
    IOptions<WatchListOptions> options,
    TimeProvider clock,
    ILogger<WatchListPruner> logger) : PeriodicPruner(scopes, clock, logger)
{
    protected override string What => "unread watch lists";

    protected override TimeSpan Interval => options.Value.PruneInterval;

    protected override Task<int> DeleteBatchAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow() - options.Value.Retention;
        var batch = db.WatchLists.Where(l => l.LastReadAt < cutoff).OrderBy(l => l.LastReadAt).Select(l => l.Id).Take(BatchSize);
        return db.WatchLists.Where(l => batch.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
