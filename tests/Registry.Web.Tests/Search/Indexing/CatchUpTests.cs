using Lucene.Net.Index;
using Lucene.Net.Store;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>An index remembers, in its commit data, the last outbox change it holds, and resumes from there.</summary>
public sealed class CatchUpTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>, IDisposable
{
    private readonly string _root = TemporaryFolder.New("catch-up");

    [Fact]
    public async Task A_reopened_index_applies_exactly_the_changes_made_while_it_was_closed()
    {
        var issued = new List<(long Id, string Number, long BodyId)>();
        for (var i = 0; i < 3; i++)
        {
            var (certificate, body) = await database.IssueAsync();
            issued.Add((certificate.Id, certificate.Number, body.Id));
        }

        var generations = new IndexGenerations(_root);
        var built = await new IndexRebuilder(database.DataSource).RebuildAsync(generations, progress: null, CancellationToken.None);
        built.OutboxSequence.ShouldBe(await database.OutboxMaxAsync());
        built.Documents.ShouldBe(3);
        generations.Current().ShouldBe(built.Folder);

        // While the index is closed: the first certificate is suspended and reinstated, the others suspended,
        // and a new certificate is issued.
        var expected = new Dictionary<long, CertificateStanding>();
        var standing = await database.ToggleAsync(issued[0].Number, issued[0].BodyId, CertificateStanding.Valid);
        expected[issued[0].Id] = await database.ToggleAsync(issued[0].Number, issued[0].BodyId, standing);
        foreach (var (id, number, bodyId) in issued.Skip(1))
        {
            expected[id] = await database.ToggleAsync(number, bodyId, CertificateStanding.Valid);
        }

        var (late, _) = await database.IssueAsync();
        expected[late.Id] = CertificateStanding.Valid;
        var outboxMax = await database.OutboxMaxAsync();
        outboxMax.ShouldBe(built.OutboxSequence + 5);

        using (var reopened = new SearchIndex(built.Folder))
        {
            reopened.AppliedSequence.ShouldBe(built.OutboxSequence, "read back from the commit data");

            // Batches of two: the five changes take three batches, each committed with its own sequence.
            var applied = await new OutboxApplier(database.DataSource, batchSize: 2).CatchUpAsync(reopened, CancellationToken.None);

            applied.ShouldBe(5);
            reopened.AppliedSequence.ShouldBe(outboxMax);
            var searcher = reopened.Acquire();
            try
            {
                searcher.IndexReader.NumDocs.ShouldBe(4);
                foreach (var (id, standingNow) in expected)
                {
                    FollowedReplica.Find(searcher, id)!.Standing.ShouldBe(standingNow, $"certificate {id}");
                }
            }
            finally
            {
                reopened.Release(searcher);
            }

            (await new OutboxApplier(database.DataSource, batchSize: 2).CatchUpAsync(reopened, CancellationToken.None)).ShouldBe(0, "nothing new");
        }

        using var directory = FSDirectory.Open(built.Folder);
        using var committed = DirectoryReader.Open(directory);
        committed.IndexCommit.UserData[SearchFields.OutboxSequence].ShouldBe(outboxMax.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SearchIndex.ReadSequence(committed.IndexCommit.UserData).ShouldBe(outboxMax);
        committed.NumDocs.ShouldBe(4);
    }

    public void Dispose() => TemporaryFolder.Delete(_root);
}
