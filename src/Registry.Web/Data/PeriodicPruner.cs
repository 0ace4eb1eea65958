namespace Registry.Web.Data;

/// <summary>
/// A background job on every instance that deletes rows past their retention at an interval, a batch at a time so
/// that no delete holds many rows locked. Deleting what another instance already deleted is harmless, so the
/// instances need no coordination; a failed run is logged and tried again at the next tick.
/// </summary>
public abstract partial class PeriodicPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected const int BatchSize = 5000;

    /// <summary>What is pruned, for the log ("idempotency records", "watch lists").</summary>
    protected abstract string What { get; }

    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Clock => clock;

    /// <summary>Deletes everything past its retention; returns how many rows.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await DeleteBatchAsync(scope.ServiceProvider.GetRequiredService<RegistryDbContext>(), cancellationToken);
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    /// <summary>Deletes at most <see cref="BatchSize"/> rows past their retention; returns how many.</summary>
    protected abstract Task<int> DeleteBatchAsync(RegistryDbContext db, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var deleted = await PruneAsync(stoppingToken);
                if (deleted > 0)
                {
                    LogPruned(What, deleted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailure(ex, What);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruning {What}: deleted {Count} past their retention")]
    private partial void LogPruned(string what, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning {What} failed; next attempt at the next interval")]
    private partial void LogFailure(Exception exception, string what);
}
