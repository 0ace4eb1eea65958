using Microsoft.Extensions.Options;

namespace Registry.Web.Features.Publishing;

/// <summary>
/// Deletes idempotency records past their retention, a batch at a time so that no delete holds many rows
/// locked. Every instance runs one; deleting what another instance already deleted is harmless. A record
/// past retention but not yet deleted is ignored by the pipeline anyway, so the timing here never matters.
/// </summary>
public sealed partial class IdempotencyRecordPruner(
    IServiceScopeFactory scopes,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotencyRecordPruner> logger) : BackgroundService
{
    private const int BatchSize = 5000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        do
        {
            try
            {
                var deleted = await PruneAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogPruned(deleted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailure(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Deletes every record older than the retention; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            var batch = db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(BatchSize);
            var deleted = await db.IdempotencyRecords.Where(r => batch.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Idempotency records: deleted {Count} past their retention")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency records: pruning failed; next attempt at the next interval")]
    private partial void LogFailure(Exception exception);
}
