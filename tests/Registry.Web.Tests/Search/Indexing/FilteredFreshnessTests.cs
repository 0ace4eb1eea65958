using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// Filters are cached as bit sets per index segment. A change rewrites a certificate's document into a new
/// segment and deletes the old copy, so a cached set must never bring the old copy back.
/// </summary>
public sealed class FilteredFreshnessTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_status_filter_follows_every_change_although_its_bits_are_cached()
    {
        var (certificate, body) = await database.IssueAsync();
        await using var replica = await FollowedReplica.StartAsync(database.DataSource);
        await replica.WaitForSequenceAsync(await database.OutboxMaxAsync(), TimeSpan.FromSeconds(30));
        var day = IndexingDatabase.ChangeDay;
        var search = new SearchService(replica.Replica, database.DataSource, TestClocks.AtChinaNoon(day.Year, day.Month, day.Day));

        async Task<IReadOnlyList<string>> FoundAsync(CertificateStatus status)
        {
            var outcome = await search.SearchAsync(new SearchRequest { Text = certificate.Number, Statuses = [status] }, TestContext.Current.CancellationToken);
            return [.. outcome.Results!.Hits.Select(h => h.Record.NormalizedNumber)];
        }

        var standing = CertificateStanding.Valid;
        (await FoundAsync(CertificateStatus.Valid)).ShouldContain(certificate.NormalizedNumber);
        for (var i = 0; i < 6; i++)
        {
            standing = await database.ToggleAsync(certificate.Number, body.Id, standing);
            await WaitForStandingAsync(replica, certificate.Id, standing);

            var expectedIn = standing == CertificateStanding.Valid ? CertificateStatus.Valid : CertificateStatus.Suspended;
            var expectedOut = standing == CertificateStanding.Valid ? CertificateStatus.Suspended : CertificateStatus.Valid;
            (await FoundAsync(expectedIn)).ShouldContain(certificate.NormalizedNumber, $"change {i}: filtered on {expectedIn}");
            (await FoundAsync(expectedOut)).ShouldNotContain(certificate.NormalizedNumber, $"change {i}: filtered on {expectedOut}");
        }
    }

    private static async Task WaitForStandingAsync(FollowedReplica replica, long certificateId, CertificateStanding standing)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (replica.Find(certificateId)?.Standing != standing)
        {
            watch.Elapsed.ShouldBeLessThan(Bound, $"the index did not show {standing} within {Bound.TotalSeconds} s");
            await Task.Delay(5);
        }
    }
}
