using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.StatusFeed;
using StackExchange.Redis;

namespace Registry.Web.Tests.StatusFeed;

/// <summary>
/// Leader failover on a cluster of its own: when the relaying instance stops, the other takes the lock and relays
/// the changes after the last recorded sequence; changes it relays a second time are dropped by the receivers.
/// </summary>
public sealed class RelayFailoverTests(FeedCluster cluster) : IClassFixture<FeedCluster>
{
    [Fact]
    public async Task When_the_leader_stops_the_other_instance_relays_the_next_changes_and_nothing_arrives_twice()
    {
        var (leader, follower) = cluster.Roles();
        FeedCluster.Relay(follower).IsLeader.ShouldBeFalse("exactly one instance relays");
        var (certificate, body) = await cluster.IssueAsync();
        var (second, secondBody) = await cluster.IssueAsync();
        using var probe = new FeedProbe(FeedCluster.Feed(follower), c => c.BodyCode == body.Code || c.BodyCode == secondBody.Code);

        await FeedCluster.SuspendThroughAsync(follower, certificate, body, "Before failover");
        var before = await probe.NextAsync();
        before.Reason.ShouldBe("Before failover");

        // Wind the recorded position back, as if the leader had died after publishing but before recording:
        // the next leader must publish these changes again, and the receivers must drop them.
        var names = follower.Services.GetRequiredService<FeedNames>();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("ConnectionStrings__Redis")!))
        {
            await redis.GetDatabase().StringSetAsync(names.RelayedSequence, before.Sequence - 3);
        }

        var repeatsBefore = FeedCluster.Feed(follower).RepeatsDropped;
        await cluster.StopAsync(leader);
        await FeedCluster.Until(() => FeedCluster.Relay(follower).IsLeader, "the surviving instance takes the lead", seconds: 5);

        await FeedCluster.SuspendThroughAsync(follower, second, secondBody, "After failover");
        var after = await probe.NextAsync();
        after.Reason.ShouldBe("After failover");
        after.Sequence.ShouldBeGreaterThan(before.Sequence);
        FeedCluster.Feed(follower).RepeatsDropped.ShouldBeGreaterThan(repeatsBefore, "the new leader repeated what was already delivered");
        await Task.Delay(300);
        probe.Drain().ShouldBeEmpty("no sequence reaches a subscriber twice");
    }
}
