namespace Registry.Web.Tests.Search.Indexing;

/// <summary>Several web instances each keep a replica of their own, all fed from the one outbox.</summary>
public sealed class ReplicaTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Two_replicas_in_different_folders_both_reach_the_end_of_the_outbox()
    {
        var (certificate, body) = await database.IssueAsync();
        await using var first = await FollowedReplica.StartAsync(database.DataSource);
        await using var second = await FollowedReplica.StartAsync(database.DataSource, batchSize: 1);
        var issuedAt = await database.OutboxMaxAsync();
        await Task.WhenAll(first.WaitForSequenceAsync(issuedAt, Timeout), second.WaitForSequenceAsync(issuedAt, Timeout));

        await database.ToggleAsync(certificate.Number, body.Id, CertificateStanding.Valid);
        var (late, _) = await database.IssueAsync();
        var outboxMax = await database.OutboxMaxAsync();
        await Task.WhenAll(first.WaitForSequenceAsync(outboxMax, Timeout), second.WaitForSequenceAsync(outboxMax, Timeout));

        foreach (var replica in new[] { first, second })
        {
            replica.Replica.Current!.AppliedSequence.ShouldBe(outboxMax);
            replica.Find(certificate.Id)!.Standing.ShouldBe(CertificateStanding.Suspended);
            replica.Find(late.Id)!.Standing.ShouldBe(CertificateStanding.Valid);
        }

        first.Replica.Current!.Folder.ShouldNotBe(second.Replica.Current!.Folder);
        first.Replica.Current!.Folder.ShouldStartWith(first.Options.IndexPath);
        second.Replica.Current!.Folder.ShouldStartWith(second.Options.IndexPath);
    }
}
