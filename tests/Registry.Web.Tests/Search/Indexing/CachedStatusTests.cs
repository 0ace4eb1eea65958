using Registry.Web.Data.Outbox;
using Registry.Web.Features.Certificates.Caching;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// With the certificate cache in step, a search re-reads from PostgreSQL only the certificates changed after the
/// replica's position, and says its statuses are as of the cache's last confirmation. The proof of which source
/// answered is an edit made straight in PostgreSQL, which no outbox message reports: it shows only where a row was re-read.
/// </summary>
public sealed class CachedStatusTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>, IDisposable
{
    private readonly string _root = TemporaryFolder.New("cached-status");

    [Fact]
    public async Task A_change_after_the_replica_is_re_read_and_nothing_else_is()
    {
        var (suspended, body) = await database.IssueAsync();
        var (untouched, _) = await database.IssueAsync();
        using var replica = await ReplicaAsync();
        var cache = NewCache();
        await FollowAsync(cache, database.DataSource);
        var startedAt = cache.ConfirmedAt.ShouldNotBeNull();

        // Published after the replica was built, and the replica follows nothing: only the cache applies the change.
        await database.ToggleAsync(suspended.Number, body.Id, CertificateStanding.Valid);
        await EditScopeBehindTheOutboxAsync(untouched.Id);
        await FollowAsync(cache, database.DataSource);

        var service = new SearchService(replica, database.DataSource, TimeProvider.System, cache);
        var found = await SearchAsync(service, suspended.Number);
        found.Hits.ShouldHaveSingleItem().Status.ShouldBe(CertificateStatus.Suspended, "the change the replica has not applied is read from PostgreSQL");
        found.AsOf.ShouldBe(cache.ConfirmedAt!.Value);
        found.AsOf.ShouldBeGreaterThanOrEqualTo(startedAt);

        var other = await SearchAsync(service, untouched.Number);
        other.Hits.ShouldHaveSingleItem().Record.ScopeZh.ShouldNotBe(EditedScope, "a certificate the cache knows unchanged since the replica's position is answered from the replica");
    }

    [Fact]
    public async Task Out_of_step_every_certificate_on_the_page_is_re_read()
    {
        var (certificate, _) = await database.IssueAsync();
        using var replica = await ReplicaAsync();
        var cache = NewCache();
        await FollowAsync(cache, database.DataSource);
        await EditScopeBehindTheOutboxAsync(certificate.Id);
        cache.MarkOutOfStep();

        var before = DateTimeOffset.UtcNow;
        var results = await SearchAsync(new SearchService(replica, database.DataSource, TimeProvider.System, cache), certificate.Number);
        results.Hits.ShouldHaveSingleItem().Record.ScopeZh.ShouldBe(EditedScope);
        results.AsOf.ShouldBeGreaterThanOrEqualTo(before, "read now, so as of now");
    }

    [Fact]
    public async Task A_cache_that_began_after_the_replica_cannot_vouch_for_it()
    {
        var (certificate, body) = await database.IssueAsync();
        using var replica = await ReplicaAsync();
        // A change the replica misses, committed before the cache began: the cache never saw it, so cannot rule it out.
        await database.ToggleAsync(certificate.Number, body.Id, CertificateStanding.Valid);
        await EditScopeBehindTheOutboxAsync(certificate.Id);
        var cache = NewCache();
        await FollowAsync(cache, database.DataSource);

        var results = await SearchAsync(new SearchService(replica, database.DataSource, TimeProvider.System, cache), certificate.Number);
        var hit = results.Hits.ShouldHaveSingleItem();
        hit.Status.ShouldBe(CertificateStatus.Suspended);
        hit.Record.ScopeZh.ShouldBe(EditedScope);
    }

    public void Dispose() => TemporaryFolder.Delete(_root);

    private const string EditedScope = "直接改动（测试）";

    private static CertificateRecordCache NewCache() => new(new CertificateCacheOptions { InStepWindow = TimeSpan.FromMinutes(5) });

    private async Task<SearchReplica> ReplicaAsync()
    {
        var built = await new IndexRebuilder(database.DataSource).RebuildAsync(new IndexGenerations(_root), progress: null, CancellationToken.None);
        var replica = new SearchReplica();
        replica.Swap(new SearchIndex(built.Folder));
        return replica;
    }

    // What the cache's follower does each round: start at the outbox's end the first time, apply what follows, confirm.
    private static async Task FollowAsync(CertificateRecordCache cache, Npgsql.NpgsqlDataSource dataSource)
    {
        await using var session = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var readStartedAt = DateTimeOffset.UtcNow;
        if (cache.ConfirmedAt is null)
        {
            cache.Invalidate([], await OutboxReader.LastSequenceAsync(session, null, TestContext.Current.CancellationToken));
        }
        else
        {
            var entries = await OutboxReader.AfterAsync(session, cache.AppliedSequence, 1000, TestContext.Current.CancellationToken);
            if (entries.Count > 0)
            {
                cache.Invalidate(entries.Select(e => e.CertificateId), entries[^1].Sequence);
            }
        }

        cache.MarkInStep(readStartedAt);
    }

    private async Task EditScopeBehindTheOutboxAsync(long certificateId)
    {
        await using var command = database.DataSource.CreateCommand("UPDATE certificates SET scope_zh = @scope WHERE id = @id");
        command.Parameters.AddWithValue("scope", EditedScope);
        command.Parameters.AddWithValue("id", certificateId);
        (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    private static async Task<SearchResults> SearchAsync(SearchService service, string text)
    {
        var outcome = await service.SearchAsync(new SearchRequest { Text = text }, TestContext.Current.CancellationToken);
        outcome.Problems.ShouldBeEmpty();
        return outcome.Results.ShouldNotBeNull();
    }
}
