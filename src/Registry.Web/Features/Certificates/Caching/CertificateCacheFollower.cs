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
    OutboxFollowerRegistry followers,
    TimeProvider clock,
    ILogger<CertificateCacheFollower> logger) : BackgroundService, IOutboxFollower
{
    private const int BatchSize = 1000;

    private DateTime _sweptAt = DateTime.UtcNow;
    private DateTimeOffset _readStartedAt;

    public string Name => "certificate-cache";

    public TimeSpan PollInterval => cache.Options.PollInterval;

    public TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => new OutboxListener(this, followers).RunAsync(stoppingToken);

    public async Task<NpgsqlConnection?> OpenSessionAsync(CancellationToken cancellationToken) => await dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<long> StartPositionAsync(NpgsqlConnection session, long? resumeAfter, CancellationToken cancellationToken)
    {
        if (resumeAfter is { } position)
        {
            return position;
        }

        // Nothing is cached before the first start point is known, so earlier changes need no applying.
        var end = await OutboxReader.LastSequenceAsync(session, null, cancellationToken);
        cache.Invalidate([], end);
        return end;
    }

    public async Task<OutboxBatch> ApplyNextAsync(NpgsqlConnection session, long after, CancellationToken cancellationToken)
    {
        _readStartedAt = clock.GetUtcNow();
        var entries = await OutboxReader.AfterAsync(session, after, BatchSize, cancellationToken);
        if (entries.Count == 0)
        {
            return OutboxBatch.Nothing(after);
        }

        var sequence = entries[^1].Sequence;
        cache.Invalidate(entries.Select(e => e.CertificateId), sequence);
        return new OutboxBatch(sequence, entries.Count, More: entries.Count == BatchSize);
    }

    public Task CaughtUpAsync(OutboxRound round, CancellationToken cancellationToken)
    {
        // The last read found the end: what committed before it began is applied.
        cache.MarkInStep(_readStartedAt);
        if (DateTime.UtcNow - _sweptAt > cache.Options.TombstoneLifetime)
        {
            cache.SweepTombstones();
            _sweptAt = DateTime.UtcNow;
        }

        return Task.CompletedTask;
    }

    // A failed session and a stopping host alike leave the cache out of step: look-ups go to PostgreSQL.
    public void SessionEnded(Exception? failure)
    {
        cache.MarkOutOfStep();
        if (failure is not null)
        {
            LogFailure(failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate cache: cannot follow the outbox; look-ups go to PostgreSQL until it can")]
    private partial void LogFailure(Exception exception);
}
