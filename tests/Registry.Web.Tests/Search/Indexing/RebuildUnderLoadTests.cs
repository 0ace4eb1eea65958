using System.Collections.Concurrent;
using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>A rebuild writes a new generation beside the live one; searches keep answering from the old one until the swap.</summary>
public sealed class RebuildUnderLoadTests(RebuildUnderLoadTests.DemoRegistry registry) : IClassFixture<RebuildUnderLoadTests.DemoRegistry>
{
    private const int Certificates = 10_000;

    [Fact]
    public async Task Searches_keep_answering_while_a_new_generation_is_built_and_swapped_in()
    {
        var database = registry.Database;
        await using var replica = await FollowedReplica.StartAsync(database.DataSource);
        await replica.WaitForSequenceAsync(0, TimeSpan.FromSeconds(90));
        var first = replica.Replica.Current!.Folder;
        var service = new SearchService(replica.Replica, database.DataSource, TimeProvider.System);

        var clock = Stopwatch.StartNew();
        var log = new ConcurrentQueue<SearchLog>();
        using var stop = new CancellationTokenSource();
        var searching = Task.Run(() => SearchUntilAsync(replica.Replica, service, clock, log, stop.Token));
        RebuildResult rebuilt;
        TimeSpan rebuildStarted, rebuildEnded;
        try
        {
            await WaitForSearchesAsync(log, 3, clock);
            rebuildStarted = clock.Elapsed;
            rebuilt = await new IndexRebuilder(database.DataSource).RebuildAsync(replica.Generations, progress: null, CancellationToken.None);
            rebuildEnded = clock.Elapsed;
            while (replica.Replica.Current?.Folder != rebuilt.Folder)
            {
                clock.Elapsed.ShouldBeLessThan(rebuildEnded + TimeSpan.FromSeconds(10), "the follower did not switch to the rebuilt generation");
                await Task.Delay(10);
            }

            // And a few more searches, which can only lease the new generation.
            await WaitForSearchesAsync(log, log.Count + 5, clock);
        }
        finally
        {
            await stop.CancelAsync();
            await searching;
        }

        var searches = log.ToList();
        var duringRebuild = searches.Count(s => s.At > rebuildStarted && s.At < rebuildEnded && s.Folder == first);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuilt {rebuilt.Documents:N0} documents in {rebuilt.Elapsed.TotalSeconds:0.00} s; {searches.Count} searches, " +
            $"{duringRebuild} of them on the old generation during the rebuild, {searches.Count(s => s.Folder == rebuilt.Folder)} on the new one."));
        searches.Where(s => s.Failure is not null).Select(s => s.Failure).ShouldBeEmpty();
        searches.ShouldAllBe(s => s.Hits == Certificates && s.Found > 0);
        duringRebuild.ShouldBeGreaterThanOrEqualTo(3, "searches answered from the old generation while the new one was built");
        searches.Count(s => s.Folder == rebuilt.Folder).ShouldBeGreaterThanOrEqualTo(3, "searches answered from the new generation after the swap");
        searches.SkipWhile(s => s.Folder == first).ShouldAllBe(s => s.Folder == rebuilt.Folder, "once swapped, searches stay on the new generation");

        rebuilt.Documents.ShouldBe(Certificates);
        replica.Replica.Current!.Folder.ShouldBe(rebuilt.Folder);
        replica.Generations.Current().ShouldBe(rebuilt.Folder);
        var after = await service.SearchAsync(new SearchRequest { Text = "有限公司" }, CancellationToken.None);
        after.Results!.TotalHits.ShouldBeGreaterThan(0);
    }

    private static async Task WaitForSearchesAsync(ConcurrentQueue<SearchLog> log, int count, Stopwatch clock)
    {
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (log.Count < count)
        {
            clock.Elapsed.ShouldBeLessThan(deadline, $"only {log.Count} searches ran, expected {count}");
            await Task.Delay(10);
        }
    }

    private static async Task SearchUntilAsync(SearchReplica replica, SearchService service, Stopwatch clock, ConcurrentQueue<SearchLog> log, CancellationToken stop)
    {
        var requests = new[]
        {
            new SearchRequest { Text = "有限公司" },
            new SearchRequest { Statuses = [CertificateStatus.Valid] },
            new SearchRequest { Text = "家电", Statuses = [CertificateStatus.Valid, CertificateStatus.Suspended], Page = 2 },
        };
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                // The whole-index count and a real search, both from one leased generation.
                using var lease = replica.Lease() ?? throw new InvalidOperationException("the replica stopped answering");
                var folder = FolderOf(lease.Searcher);
                var hits = lease.Searcher.Search(new MatchAllDocsQuery(), 1).TotalHits;
                var outcome = await service.SearchAsync(requests[i % requests.Length], CancellationToken.None);
                log.Enqueue(new SearchLog(clock.Elapsed, folder, hits, outcome.Results?.TotalHits ?? 0, null));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                log.Enqueue(new SearchLog(clock.Elapsed, null, 0, 0, ex.ToString()));
            }
        }
    }

    /// <summary>The generation a leased searcher reads (the replica's current one may have moved on since).</summary>
    private static string? FolderOf(IndexSearcher searcher) =>
        searcher.IndexReader is DirectoryReader { Directory: Lucene.Net.Store.FSDirectory directory }
            ? Path.TrimEndingDirectorySeparator(directory.Directory.FullName)
            : null;

    private sealed record SearchLog(TimeSpan At, string? Folder, int Hits, int Found, string? Failure);

    /// <summary>A database of its own with enough demo certificates that a rebuild takes a noticeable time.</summary>
    public sealed class DemoRegistry : IAsyncLifetime
    {
        public IndexingDatabase Database { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Database.InitializeAsync();
            await Database.LoadDemoAsync(Certificates);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
