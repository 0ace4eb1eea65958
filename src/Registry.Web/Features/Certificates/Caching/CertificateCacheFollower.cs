using Npgsql;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.Certificates.Caching;

/// <summary>
/// Keeps <see cref="CertificateRecordCache"/> honest: every change the outbox reports drops the certificate
/// from memory, woken by NOTIFY within milliseconds of the commit, polling as a fallback. While it cannot
/// read the outbox the cache is out of step and every look-up goes to PostgreSQL.
/// </summary>
public sealed partial class CertificateCacheFollower(
    CertificateRecordCache cache,
    NpgsqlDataSource dataSource,
    ILogger<CertificateCacheFollower> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sequence = -1L;
        var sweptAt = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxReader.Channel}", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Nothing is cached before the first start point is known, so earlier changes need no applying.
                if (sequence < 0)
                {
                    sequence = await OutboxReader.LastSequenceAsync(listener, null, stoppingToken);
                    cache.Invalidate([], sequence);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    sequence = await CatchUpAsync(listener, sequence, stoppingToken);
                    cache.MarkInStep();
                    if (DateTime.UtcNow - sweptAt > cache.Options.TombstoneLifetime)
                    {
                        cache.SweepTombstones();
                        sweptAt = DateTime.UtcNow;
                    }

                    await listener.WaitAsync(cache.Options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                cache.MarkOutOfStep();
                LogFailure(ex);
            }

            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        cache.MarkOutOfStep();
    }

    private async Task<long> CatchUpAsync(NpgsqlConnection connection, long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await OutboxReader.AfterAsync(connection, sequence, BatchSize, cancellationToken);
            if (entries.Count == 0)
            {
                return sequence;
            }

            sequence = entries[^1].Sequence;
            cache.Invalidate(entries.Select(e => e.CertificateId), sequence);
            if (entries.Count < BatchSize)
            {
                return sequence;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate cache: cannot follow the outbox; look-ups go to PostgreSQL until it can")]
    private partial void LogFailure(Exception exception);
}
