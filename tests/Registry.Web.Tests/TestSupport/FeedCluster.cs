using Microsoft.Extensions.DependencyInjection;
using Registry.Domain.Certificates;
using Registry.Web.Data.Outbox;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// Two instances of the site on Kestrel, on a database of their own (so that no other test's site can be the relay
/// leader) and the one Redis of the test run (ConnectionStrings__Redis from `ops/services env`). Short poll and
/// leader intervals keep failover within the tests' bounds.
/// </summary>
public sealed class FeedCluster : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["StatusFeed:PollInterval"] = "00:00:00.200",
        ["StatusFeed:LeaderRetryInterval"] = "00:00:00.200",
        ["GraphQL:AnonymousRateLimit:PermitLimit"] = "100000",
        ["GraphQL:WebSocket:ConnectionInitTimeout"] = "00:00:01",
        ["GraphQL:WebSocket:MaxSubscriptionsPerConnection"] = "3",
        ["GraphQL:WebSocket:MaxMessageBytes"] = "4096",
    };

    public RegistryDatabase Database { get; } = new();

    public RegistryWebFactory A { get; private set; } = null!;

    public RegistryWebFactory B { get; private set; } = null!;

    public TestRegistry Registry => new(Database);

    public async ValueTask InitializeAsync()
    {
        Environment.GetEnvironmentVariable("ConnectionStrings__Redis")
            .ShouldNotBeNullOrEmpty("the status feed needs Redis: eval \"$(ops/services env)\" before running the tests");
        await Database.InitializeAsync();
        A = new RegistryWebFactory(Database.ConnectionString, onKestrel: true, settings: Settings);
        B = new RegistryWebFactory(Database.ConnectionString, onKestrel: true, settings: Settings);
        A.StartKestrel();
        B.StartKestrel();
        await Until(() => Relay(A).IsLeader || Relay(B).IsLeader, "one instance leads the relay");
        await Until(() => Feed(A).IsListening && Feed(B).IsListening, "both instances listen on Redis");
    }

    private readonly HashSet<RegistryWebFactory> _stopped = [];

    /// <summary>Stops one instance, as a crash or a deployment would; its PostgreSQL session, and the relay lock with it, ends.</summary>
    public async Task StopAsync(RegistryWebFactory site)
    {
        if (_stopped.Add(site))
        {
            await site.DisposeAsync();
        }
    }

    public (RegistryWebFactory Leader, RegistryWebFactory Follower) Roles() =>
        Relay(A).IsLeader ? (A, B) : (B, A);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(A);
        await StopAsync(B);
        await Database.DisposeAsync();
    }

    public static StatusRelay Relay(RegistryWebFactory site) => site.Services.GetRequiredService<StatusRelay>();

    public static StatusChangeFeed Feed(RegistryWebFactory site) => site.Services.GetRequiredService<StatusChangeFeed>();

    /// <summary>
    /// Issues a certificate (through the publisher, outside both sites) dated a month ago, and waits until both
    /// instances have delivered the issue, so that a subscriber made afterwards sees only later changes.
    /// </summary>
    public async Task<(Certificate Certificate, CertificationBody Body)> IssueAsync()
    {
        var issuedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30));
        var issued = await Registry.IssueAsync(issuedOn, TestClocks.AtChinaNoon(issuedOn.Year, issuedOn.Month, issuedOn.Day));
        await UntilDeliveredAsync(await OutboxEndAsync(), A, B);
        return issued;
    }

    public async Task<long> OutboxEndAsync()
    {
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        return await OutboxReader.LastSequenceAsync(connection, null, CancellationToken.None);
    }

    public static Task UntilDeliveredAsync(long sequence, params RegistryWebFactory[] sites) =>
        Until(() => sites.All(s => Feed(s).LastDelivered >= sequence), $"outbox sequence {sequence} is delivered");

    /// <summary>Suspends a certificate through <paramref name="site"/>'s own publisher, on its system clock.</summary>
    public static async Task<StatusEvent> SuspendThroughAsync(RegistryWebFactory site, Certificate certificate, CertificationBody body, string reason)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<CertificatePublisher>();
        return await publisher.ChangeAsync(certificate.Number,
            StatusChange.Suspend(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), reason, "x"), TestRegistry.Actor(body), CancellationToken.None);
    }

    public static async Task Until(Func<bool> condition, string what, double seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"waited {seconds} s for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
