using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// A search shows what PostgreSQL holds now, even when the index has not applied a change yet: the page's
/// certificates are re-read while their stored records are loaded from the index.
/// </summary>
public sealed class LiveStatusTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>, IDisposable
{
    private readonly string _root = TemporaryFolder.New("live-status");

    [Fact]
    public async Task A_change_the_index_has_not_applied_shows_as_the_database_holds_it()
    {
        var (suspended, body) = await database.IssueAsync();
        var (untouched, _) = await database.IssueAsync();
        var built = await new IndexRebuilder(database.DataSource).RebuildAsync(new IndexGenerations(_root), progress: null, CancellationToken.None);
        using var replica = new SearchReplica();
        replica.Swap(new SearchIndex(built.Folder));

        // Published after the index was built, and no follower runs: the index still holds it as valid.
        await database.ToggleAsync(suspended.Number, body.Id, CertificateStanding.Valid);
        using (var lease = replica.Lease()!)
        {
            FollowedReplica.Find(lease.Searcher, suspended.Id)!.Standing.ShouldBe(CertificateStanding.Valid, "the index trails");
        }

        var service = new SearchService(replica, database.DataSource, TimeProvider.System);
        var found = await SearchAsync(service, suspended.Number);
        var other = await SearchAsync(service, untouched.Number);

        var hit = found.Hits[0];
        hit.Record.CertificateId.ShouldBe(suspended.Id);
        hit.Record.Standing.ShouldBe(CertificateStanding.Suspended);
        hit.Status.ShouldBe(CertificateStatus.Suspended);
        hit.Name.ShouldNotBeEmpty("the name is still marked from the stored record");
        other.Hits[0].Record.CertificateId.ShouldBe(untouched.Id);
        other.Hits[0].Status.ShouldBe(CertificateStatus.Valid);
    }

    [Fact]
    public async Task A_search_whose_database_read_is_cancelled_reports_the_cancellation()
    {
        var (certificate, _) = await database.IssueAsync();
        var built = await new IndexRebuilder(database.DataSource).RebuildAsync(new IndexGenerations(_root), progress: null, CancellationToken.None);
        using var replica = new SearchReplica();
        replica.Swap(new SearchIndex(built.Folder));
        var service = new SearchService(replica, database.DataSource, TimeProvider.System);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => service.SearchAsync(new SearchRequest { Text = certificate.Number }, cancelled.Token));
    }

    public void Dispose() => TemporaryFolder.Delete(_root);

    private static async Task<SearchResults> SearchAsync(SearchService service, string text)
    {
        var outcome = await service.SearchAsync(new SearchRequest { Text = text }, TestContext.Current.CancellationToken);
        outcome.Problems.ShouldBeEmpty();
        return outcome.Results.ShouldNotBeNull();
    }
}
