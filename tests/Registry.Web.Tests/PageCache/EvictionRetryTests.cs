using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.Domain.Time;
using Registry.Web.Data.Outbox;
using Registry.Web.Features.PageCache;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.PageCache;

/// <summary>A failed eviction does not hold the follower back, and is tried again after the round until it succeeds.</summary>
public sealed class EvictionRetryTests(RegistryDatabase database)
{
    [Fact]
    public async Task Failed_evictions_are_kept_and_retried_after_the_round()
    {
        var (certificate, body) = await new TestRegistry(database).IssueAsync(new DateOnly(2026, 8, 6));
        // A store of its own in the run's Redis (its own key prefix), so that the site's follower does not evict for this one.
        await using var isolated = new ServiceCollection()
            .AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:56379";
                o.InstanceName = $"test-eviction-retry:{Guid.NewGuid():N}:";
            })
            .BuildServiceProvider();
        var redisStore = isolated.GetRequiredService<IOutputCacheStore>();
        var flaky = new FailingEvictions(redisStore) { FailuresLeft = 1000 };
        var metrics = database.Site.Services.GetRequiredService<PageCacheMetrics>();
        var follower = new PageCacheEvictionFollower(flaky, database.DataSource, new OutboxFollowerRegistry(), metrics, NullLogger<PageCacheEvictionFollower>.Instance);
        var entry = "retry-entry-" + certificate.NormalizedNumber;
        await redisStore.SetAsync(entry, [1], [PageCacheTags.Certificate(certificate.NormalizedNumber)], TimeSpan.FromMinutes(1), CancellationToken.None);

        await using var session = await follower.OpenSessionAsync(CancellationToken.None);
        var start = await follower.StartPositionAsync(session!, null, CancellationToken.None);
        await using (var db = database.CreateContext())
        {
            await new CertificatePublisher(db, TimeProvider.System).ChangeAsync(certificate.NormalizedNumber,
                StatusChange.Suspend(RegistryCalendar.Today(TimeProvider.System), "Surveillance audit overdue", "x"), TestRegistry.Actor(body), CancellationToken.None);
        }

        OutboxBatch batch;
        var position = start;
        do
        {
            batch = await follower.ApplyNextAsync(session!, position, CancellationToken.None);
            position = batch.Position;
        }
        while (batch.More);

        position.ShouldBeGreaterThan(start, "the follower moves on although every eviction failed");
        follower.PendingCount.ShouldBeGreaterThan(0);
        (await redisStore.GetAsync(entry, CancellationToken.None)).ShouldNotBeNull("nothing was evicted yet");

        flaky.FailuresLeft = 0;
        await follower.CaughtUpAsync(new OutboxRound(start, position, 1), CancellationToken.None);
        follower.PendingCount.ShouldBe(0);
        (await redisStore.GetAsync(entry, CancellationToken.None)).ShouldBeNull("the retry evicted the certificate's tag");
        flaky.Evicted.ShouldContain(PageCacheTags.Certificate(certificate.NormalizedNumber));
    }

    /// <summary>The real store, with evictions that fail while <see cref="FailuresLeft"/> is above zero.</summary>
    private sealed class FailingEvictions(IOutputCacheStore inner) : IOutputCacheStore
    {
        public int FailuresLeft { get; set; }

        public List<string> Evicted { get; } = [];

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
            inner.SetAsync(key, value, tags, validFor, cancellationToken);

        public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new StackExchange.Redis.RedisConnectionException(StackExchange.Redis.ConnectionFailureType.SocketClosed, StackExchange.Redis.CommandFlags.None, "dropped");
            }

            await inner.EvictByTagAsync(tag, cancellationToken);
            Evicted.Add(tag);
        }
    }
}
