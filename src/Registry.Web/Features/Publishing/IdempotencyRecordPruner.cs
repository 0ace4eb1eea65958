using Microsoft.Extensions.Options;

namespace Registry.Web.Features.Publishing;

/// <summary>
/// Deletes idempotency records past their retention. A record past retention but not yet deleted is ignored by
/// the pipeline anyway, so the timing here never matters.
/// </summary>
public sealed class IdempotencyRecordPruner(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencyRecordPruner> logger) : PeriodicPruner(scopes, clock, logger)
{
    protected override string What => "idempotency records";

    protected override TimeSpan Interval => options.Value.PruneInterval;

    protected override Task<int> DeleteBatchAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = Clock.GetUtcNow() - options.Value.Retention;
        var batch = db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(BatchSize);
        return db.IdempotencyRecords.Where(r => batch.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
