using System.Diagnostics;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// A published change reaches searches through the outbox: the publisher's NOTIFY wakes the follower,
/// which applies the change and refreshes the near-real-time searchers (target: well under a second).
/// </summary>
public sealed class FreshnessTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>
{
    private const int Changes = 20;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_published_change_is_searchable_within_the_bound_woken_by_notify()
    {
        var (certificate, body) = await database.IssueAsync();
        // Polling only every 30 s: a change that shows within the bound came through NOTIFY.
        await using var replica = await FollowedReplica.StartAsync(database.DataSource, pollInterval: TimeSpan.FromSeconds(30));
        await replica.WaitForSequenceAsync(await database.OutboxMaxAsync(), TimeSpan.FromSeconds(30));
        replica.Find(certificate.Id)!.Standing.ShouldBe(CertificateStanding.Valid);

        var standing = CertificateStanding.Valid;
        var latencies = new List<TimeSpan>();
        var publishing = new List<TimeSpan>();
        for (var i = 0; i <= Changes; i++)
        {
            var watch = Stopwatch.StartNew();
            standing = await database.ToggleAsync(certificate.Number, body.Id, standing);
            var committed = watch.Elapsed;
            while (replica.Find(certificate.Id)?.Standing != standing)
            {
                watch.Elapsed.ShouldBeLessThan(Bound, $"change {i} ({standing}) was not searchable within {Bound.TotalSeconds} s");
                await Task.Delay(1);
            }

            // The first change warms the code paths up; it is bounded but not counted.
            if (i > 0)
            {
                latencies.Add(watch.Elapsed);
                publishing.Add(committed);
            }
        }

        // Searchable comes first; the commit recording the sequence follows.
        await replica.WaitForSequenceAsync(await database.OutboxMaxAsync(), Bound);
        latencies.ShouldAllBe(l => l < Bound);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Publish → searchable over {latencies.Count} changes: p50 {Percentile(latencies, 0.5).TotalMilliseconds:0.0} ms, " +
            $"p90 {Percentile(latencies, 0.9).TotalMilliseconds:0.0} ms, max {latencies.Max().TotalMilliseconds:0.0} ms " +
            $"(of which the publish call itself: p50 {Percentile(publishing, 0.5).TotalMilliseconds:0.0} ms)."));
    }

    [Fact]
    public async Task An_outbox_row_written_without_notify_is_found_by_polling()
    {
        var (certificate, _) = await database.IssueAsync();
        await using var replica = await FollowedReplica.StartAsync(database.DataSource, pollInterval: TimeSpan.FromMilliseconds(200));
        await replica.WaitForSequenceAsync(await database.OutboxMaxAsync(), TimeSpan.FromSeconds(30));

        // A change nobody announces (as if the notification were lost): the snapshot and an outbox row, by SQL.
        await using (var command = database.DataSource.CreateCommand($$"""
            UPDATE certificates SET standing = 'Suspended' WHERE id = {{certificate.Id}};
            INSERT INTO outbox_messages (topic, certificate_id, certificate_number, payload)
            VALUES ('certificate.changed', {{certificate.Id}}, '{{certificate.Number}}', '{}');
            """))
        {
            await command.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        while (replica.Find(certificate.Id)?.Standing != CertificateStanding.Suspended)
        {
            watch.Elapsed.ShouldBeLessThan(Bound, "the poll did not pick up an outbox row that came without a notification");
            await Task.Delay(10);
        }

        await replica.WaitForSequenceAsync(await database.OutboxMaxAsync(), Bound);
    }

    private static TimeSpan Percentile(List<TimeSpan> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(fraction * sorted.Count) - 1];
    }
}
