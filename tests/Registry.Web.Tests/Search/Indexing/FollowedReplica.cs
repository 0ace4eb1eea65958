using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// One instance's replica as the site runs it (a <see cref="SearchReplica"/> kept in step by an
/// <see cref="IndexFollower"/>), in a temporary folder of its own, without the rest of the site.
/// </summary>
public sealed class FollowedReplica : IAsyncDisposable
{
    private readonly IndexFollower _follower;

    private FollowedReplica(NpgsqlDataSource dataSource, TimeSpan pollInterval, int batchSize)
    {
        Options = new SearchIndexOptions
        {
            IndexPath = TemporaryFolder.New("replica"),
            PollInterval = pollInterval,
            BatchSize = batchSize,
        };
        Generations = new IndexGenerations(Options.IndexPath);
        _follower = new IndexFollower(Replica, dataSource, new IndexRebuilder(dataSource),
            Microsoft.Extensions.Options.Options.Create(Options), NullLogger<IndexFollower>.Instance);
    }

    public SearchIndexOptions Options { get; }

    public IndexGenerations Generations { get; }

    public SearchReplica Replica { get; } = new();

    /// <summary>Starts following; the first generation is built in the background, as in the site.</summary>
    public static async Task<FollowedReplica> StartAsync(NpgsqlDataSource dataSource, TimeSpan? pollInterval = null, int batchSize = 500)
    {
        var replica = new FollowedReplica(dataSource, pollInterval ?? TimeSpan.FromMilliseconds(200), batchSize);
        await replica._follower.StartAsync(CancellationToken.None);
        return replica;
    }

    /// <summary>Waits until the replica serves a generation that has applied the outbox up to <paramref name="sequence"/>.</summary>
    public async Task WaitForSequenceAsync(long sequence, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (Replica.Current?.AppliedSequence is not { } applied || applied < sequence)
        {
            watch.Elapsed.ShouldBeLessThan(timeout,
                $"The replica in {Options.IndexPath} did not reach outbox sequence {sequence} (it is at {Replica.Current?.AppliedSequence.ToString(CultureInfo.InvariantCulture) ?? "not ready"}).");
            await Task.Delay(10);
        }
    }

    /// <summary>The stored record of one certificate as searches see it now, or null.</summary>
    public SearchRecord? Find(long certificateId)
    {
        using var lease = Replica.Lease();
        return lease is null ? null : Find(lease.Searcher, certificateId);
    }

    public static SearchRecord? Find(IndexSearcher searcher, long certificateId)
    {
        var found = searcher.Search(new TermQuery(new Term(SearchFields.Id, certificateId.ToString(CultureInfo.InvariantCulture))), 2);
        found.TotalHits.ShouldBeLessThanOrEqualTo(1, $"certificate {certificateId} is in the index more than once");
        return found.TotalHits == 0 ? null : CertificateDocument.Read(searcher.Doc(found.ScoreDocs[0].Doc));
    }

    public async ValueTask DisposeAsync()
    {
        await _follower.StopAsync(CancellationToken.None);
        _follower.Dispose();
        Replica.Dispose();
        TemporaryFolder.Delete(Options.IndexPath);
    }
}

/// <summary>Index folders under the system's temporary folder, removed when a test is done with them.</summary>
public static class TemporaryFolder
{
    public static string New(string prefix) => Path.Combine(Path.GetTempPath(), "registry-tests", prefix + "-" + Guid.NewGuid().ToString("N"));

    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A generation retired moments ago may still be closing; the temporary folder is not worth failing a test for.
        }
    }
}
