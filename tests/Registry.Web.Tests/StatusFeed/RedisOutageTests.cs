using Registry.Web.Data.Outbox;

namespace Registry.Web.Tests.StatusFeed;

/// <summary>
/// Redis goes away and comes back empty (restarted without persistence) while certificates change: the site keeps
/// publishing, and once Redis is back, subscribers get the changes made during the outage, in order, once each.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly RegistryDatabase _database = new();
    private readonly PrivateRedis _redis = new();
    private RegistryWebFactory _site = null!;
    private long _historyEnd;

    public async ValueTask InitializeAsync()
    {
        await _redis.StartAsync();
        await _database.InitializeAsync();
        var issuedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-40));
        await new TestRegistry(_database).IssueAsync(issuedOn);
        _historyEnd = await OutboxEndAsync();
        var settings = new Dictionary<string, string>(FeedCluster.Settings) { ["ConnectionStrings:Redis"] = _redis.ConnectionString };
        _site = new RegistryWebFactory(_database.ConnectionString, onKestrel: true, settings: settings);
        _site.StartKestrel();
        await FeedCluster.Until(() => FeedCluster.Relay(_site).IsLeader && FeedCluster.Feed(_site).IsListening, "the site relays and listens on its Redis");
    }

    [Fact]
    public async Task The_first_relay_on_an_empty_redis_starts_at_the_end_of_the_outbox_rather_than_replaying_history()
    {
        _historyEnd.ShouldBeGreaterThan(0);
        FeedCluster.Relay(_site).RelayedSequence.ShouldBeGreaterThanOrEqualTo(_historyEnd);
        await Task.Delay(500);
        FeedCluster.Feed(_site).LastDelivered.ShouldBe(0, "nothing from before the feed existed is sent to it");
    }

    [Fact]
    public async Task Changes_made_while_redis_was_down_reach_subscribers_once_it_is_back()
    {
        var registry = new TestRegistry(_database);
        var issuedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30));
        var (first, firstBody) = await registry.IssueAsync(issuedOn);
        var (second, secondBody) = await registry.IssueAsync(issuedOn);
        // The issues themselves are delivered first, so that the probe sees only the suspensions.
        await FeedCluster.UntilDeliveredAsync(await OutboxEndAsync(), _site);

        using var probe = new FeedProbe(FeedCluster.Feed(_site), c => c.BodyCode == firstBody.Code || c.BodyCode == secondBody.Code);
        await FeedCluster.SuspendThroughAsync(_site, first, firstBody, "Before the outage");
        (await probe.NextAsync()).Reason.ShouldBe("Before the outage");

        var repeatsBefore = FeedCluster.Feed(_site).RepeatsDropped;
        await _redis.StopAsync();
        await FeedCluster.SuspendThroughAsync(_site, second, secondBody, "During the outage");
        await FeedCluster.Until(() => !FeedCluster.Relay(_site).IsLeader, "the relay notices Redis is gone and steps down");
        await _redis.StartAsync();

        var after = await probe.NextAsync(seconds: 20);
        after.Reason.ShouldBe("During the outage");
        after.CertificateNumber.ShouldBe(second.Number);
        await Task.Delay(500);
        probe.Drain().ShouldBeEmpty("the change before the outage is not delivered again");
        FeedCluster.Feed(_site).RepeatsDropped.ShouldBe(repeatsBefore, "the relay resumed after what it had sent, not from the start of the outbox");
    }

    private async Task<long> OutboxEndAsync()
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await OutboxReader.LastSequenceAsync(connection, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _site.DisposeAsync();
        await _database.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
