using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Registry.Domain.Lifecycle;
using Registry.Domain.Time;
using Registry.Web.Data;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;

namespace Registry.Benchmarks;

/// <summary>Publish → searchable: how long a status change takes to reach the index's searches.</summary>
/// <param name="SearchableMs">From the start of the publish call until the index returns the change.</param>
/// <param name="AfterCommitMs">From the publish call's return (the change committed) until the index returns it.</param>
/// <param name="PublishMs">The publish call itself.</param>
public sealed record FreshnessFigures(IReadOnlyList<double> SearchableMs, IReadOnlyList<double> AfterCommitMs, IReadOnlyList<double> PublishMs, int Certificates);

/// <summary>
/// The site's own follower (NOTIFY, <see cref="OutboxApplier"/>, near-real-time reopen) on the benchmark's replica of
/// a million documents. Certificates are suspended and then reinstated through the publisher, one change at a time
/// with a pause between, as bodies publish; each change is timed from the publish call until a search of the index
/// itself (not the <c>LiveStatus</c> re-read, which shows it at once) returns the new standing. The data ends as it
/// began; the outbox and the certificates' histories keep the changes.
/// </summary>
public static class FreshnessRun
{
    private const string Actor = "search benchmark (freshness)";
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task<FreshnessFigures> RunAsync(NpgsqlDataSource dataSource, SearchReplica replica, string indexPath, int certificates, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replica);
        var options = new SearchIndexOptions { IndexPath = indexPath };
        using var follower = new IndexFollower(replica, dataSource, new IndexRebuilder(dataSource),
            Microsoft.Extensions.Options.Options.Create(options), NullLogger<IndexFollower>.Instance);
        await follower.StartAsync(cancellationToken);
        try
        {
            await WaitForOutboxAsync(dataSource, replica, cancellationToken);
            var today = RegistryCalendar.DateOf(clock.GetUtcNow());
            // One more than asked: the first certificate's changes warm the publisher up (EF's model, JIT) and are not counted.
            var picked = await ValidCertificatesAsync(dataSource, today, certificates + 1, cancellationToken);
            return await ToggleEachAsync(dataSource, picked, clock, "the index", (certificate, expected) => Task.FromResult(StandingInIndex(replica, certificate.Id) == expected), cancellationToken);
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Suspends and then reinstates each certificate through the publisher, one change at a time with a pause between,
    /// timing each from the publish call until <paramref name="shows"/> sees the new standing. The first certificate warms
    /// the publisher up and is not counted. The data ends as it began.
    /// </summary>
    public static async Task<FreshnessFigures> ToggleEachAsync(
        NpgsqlDataSource dataSource,
        IReadOnlyList<(long Id, string Number, long BodyId)> picked,
        TimeProvider clock,
        string observer,
        Func<(long Id, string Number, long BodyId), CertificateStanding, Task<bool>> shows,
        CancellationToken cancellationToken,
        TimeSpan? pause = null)
    {
        ArgumentNullException.ThrowIfNull(picked);
        ArgumentNullException.ThrowIfNull(shows);
        var today = RegistryCalendar.DateOf(clock.GetUtcNow());
        var searchable = new List<double>();
        var afterCommit = new List<double>();
        var publishing = new List<double>();
        foreach (var certificate in picked)
        {
            var counted = certificate.Id != picked[0].Id;
            foreach (var (change, expected) in new[]
            {
                (StatusChange.Suspend(today, "Benchmark: publish to shown", Actor), CertificateStanding.Suspended),
                (StatusChange.Reinstate(today, "Benchmark: publish to shown", Actor), CertificateStanding.Valid),
            })
            {
                await Task.Delay(pause ?? Pause, cancellationToken);
                var watch = Stopwatch.StartNew();
                await using (var db = CreateContext(dataSource))
                {
                    await new CertificatePublisher(db, clock).ChangeAsync(certificate.Number, change, new PublishingActor(certificate.BodyId, Actor), cancellationToken);
                }

                var committed = watch.Elapsed.TotalMilliseconds;
                while (!await shows(certificate, expected))
                {
                    if (watch.Elapsed > Bound)
                    {
                        throw new TimeoutException($"Certificate {certificate.Number} did not show as {expected} in {observer} within {Bound.TotalSeconds:0} s.");
                    }

                    await Task.Delay(1, cancellationToken);
                }

                if (counted)
                {
                    searchable.Add(watch.Elapsed.TotalMilliseconds);
                    afterCommit.Add(watch.Elapsed.TotalMilliseconds - committed);
                    publishing.Add(committed);
                }
            }
        }

        return new FreshnessFigures(searchable, afterCommit, publishing, picked.Count - 1);
    }

    private static CertificateStanding? StandingInIndex(SearchReplica replica, long certificateId)
    {
        using var lease = replica.Lease();
        if (lease is null)
        {
            return null;
        }

        var top = lease.Searcher.Search(new TermQuery(new Term(SearchFields.Id, certificateId.ToString(System.Globalization.CultureInfo.InvariantCulture))), 1);
        return top.TotalHits == 0 ? null : CertificateDocument.Read(lease.Searcher.Doc(top.ScoreDocs[0].Doc)).Standing;
    }

    private static async Task WaitForOutboxAsync(NpgsqlDataSource dataSource, SearchReplica replica, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(sequence), 0) FROM outbox_messages");
        var last = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        var watch = Stopwatch.StartNew();
        while (replica.Current?.AppliedSequence is not { } applied || applied < last)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The replica did not catch up with outbox sequence {last}.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static async Task<List<(long Id, string Number, long BodyId)>> ValidCertificatesAsync(NpgsqlDataSource dataSource, DateOnly today, int limit, CancellationToken cancellationToken)
    {
        // Spread over the id range, so the changed documents sit in different segments.
        await using var command = dataSource.CreateCommand("""
            SELECT id, number, body_id FROM certificates
            WHERE standing = 'Valid' AND expires_on > @today AND id % 997 = 0
            ORDER BY id LIMIT @limit
            """);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadPickedAsync(command, cancellationToken);
    }

    /// <summary>Certificates to toggle, from a command that selects their id, number and body id in that order.</summary>
    public static async Task<List<(long Id, string Number, long BodyId)>> ReadPickedAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = new List<(long, string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return found;
    }

    private static RegistryDbContext CreateContext(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        DataExtensions.Configure(options, dataSource);
        return new RegistryDbContext(options.Options);
    }
}
