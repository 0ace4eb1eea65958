using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.StatusFeed;
using StackExchange.Redis;

namespace Registry.Web.Tests.StatusFeed;

/// <summary>
/// The relay and the in-process feed, without GraphQL: a change committed anywhere reaches the subscribers of both
/// instances through Redis, once, with what subscribers filter on and see.
/// </summary>
public sealed class StatusRelayTests(FeedCluster cluster) : IClassFixture<FeedCluster>
{
    [Fact]
    public async Task A_change_made_through_one_instance_reaches_the_other_instances_subscribers_once_and_within_seconds()
    {
        var (certificate, body) = await cluster.IssueAsync();
        using var onB = new FeedProbe(FeedCluster.Feed(cluster.B), c => c.BodyCode == body.Code);
        using var onA = new FeedProbe(FeedCluster.Feed(cluster.A), c => c.BodyCode == body.Code);

        var started = DateTime.UtcNow;
        var published = await FeedCluster.SuspendThroughAsync(cluster.A, certificate, body, "Annual audit overdue");
        var change = await onB.NextAsync();

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(3));
        change.CertificateNumber.ShouldBe(certificate.Number);
        change.NormalizedNumber.ShouldBe(certificate.NormalizedNumber);
        change.BodyCode.ShouldBe(body.Code);
        change.Kind.ShouldBe(StatusEventKind.Suspended);
        change.Standing.ShouldBe(CertificateStanding.Suspended);
        change.Level.ShouldBe("four-star");
        change.Reason.ShouldBe("Annual audit overdue");
        change.EffectiveOn.ShouldBe(published.EffectiveOn);
        change.PublishedAt.ShouldBe(published.PublishedAt, TimeSpan.FromMilliseconds(1));
        change.OrganisationCreditCode.Length.ShouldBe(18);
        (await onA.NextAsync()).Sequence.ShouldBe(change.Sequence);

        await Task.Delay(500);
        onB.Drain().ShouldBeEmpty("one change is delivered once");
    }

    [Fact]
    public async Task A_subscriber_filtering_on_one_body_does_not_receive_another_bodys_change()
    {
        var (mine, myBody) = await cluster.IssueAsync();
        var (other, otherBody) = await cluster.IssueAsync();
        using var probe = new FeedProbe(FeedCluster.Feed(cluster.B), c => c.BodyCode == myBody.Code);

        await FeedCluster.SuspendThroughAsync(cluster.A, other, otherBody, "Not mine");
        await FeedCluster.SuspendThroughAsync(cluster.B, mine, myBody, "Mine");

        var change = await probe.NextAsync();
        change.Reason.ShouldBe("Mine");
        await Task.Delay(300);
        probe.Drain().ShouldBeEmpty();
    }

    [Fact]
    public async Task Changes_arrive_in_commit_order()
    {
        var (certificate, body) = await cluster.IssueAsync();
        using var probe = new FeedProbe(FeedCluster.Feed(cluster.B), c => c.BodyCode == body.Code);

        await FeedCluster.SuspendThroughAsync(cluster.A, certificate, body, "First");
        await using (var scope = cluster.A.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CertificatePublisher>().ChangeAsync(certificate.Number,
                StatusChange.Reinstate(DateOnly.FromDateTime(DateTime.UtcNow), "Audit passed", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        var first = await probe.NextAsync();
        var second = await probe.NextAsync();
        first.Kind.ShouldBe(StatusEventKind.Suspended);
        first.Standing.ShouldBe(CertificateStanding.Suspended, "each change carries the standing it left, even when read late");
        second.Kind.ShouldBe(StatusEventKind.Reinstated);
        second.Standing.ShouldBe(CertificateStanding.Valid);
        second.Sequence.ShouldBeGreaterThan(first.Sequence);
    }

    [Fact]
    public void The_namespace_is_the_database_name()
    {
        var names = cluster.A.Services.GetRequiredService<FeedNames>();
        names.Namespace.ShouldBe(cluster.Database.Name);
        names.Channel.ToString().ShouldContain(cluster.Database.Name);
    }

    [Fact]
    public async Task A_repeated_message_on_the_channel_is_dropped()
    {
        var (certificate, body) = await cluster.IssueAsync();
        var site = cluster.B;
        using var probe = new FeedProbe(FeedCluster.Feed(site), c => c.BodyCode == body.Code);
        await FeedCluster.SuspendThroughAsync(site, certificate, body, "Once");
        var change = await probe.NextAsync();

        var names = site.Services.GetRequiredService<FeedNames>();
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("ConnectionStrings__Redis")!))
        {
            await redis.GetSubscriber().PublishAsync(names.Channel, change.ToJson());
            await redis.GetSubscriber().PublishAsync(names.Channel, "not a change");
        }

        await Task.Delay(500);
        probe.Drain().ShouldBeEmpty();
    }
}
