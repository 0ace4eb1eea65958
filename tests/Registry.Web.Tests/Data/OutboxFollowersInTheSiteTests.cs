using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Tests.Data;

/// <summary>The site runs its followers through the shared listener, and each reports under its name.</summary>
public sealed class OutboxFollowersInTheSiteTests(RegistryDatabase database)
{
    [Fact]
    public async Task The_caches_the_index_and_the_relay_report_their_status()
    {
        var registry = database.Site.Services.GetRequiredService<OutboxFollowerRegistry>();
        var watch = Stopwatch.StartNew();
        while (!(registry.Find("certificate-cache")?.CaughtUpAt is not null && registry.Find("search-index")?.CaughtUpAt is not null
            && registry.Find("page-cache")?.CaughtUpAt is not null
            && registry.Find("status-relay")?.State is OutboxFollowerState.Following or OutboxFollowerState.StandingBy))
        {
            watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30),
                "followers: " + string.Join("; ", registry.Statuses().Select(s => $"{s.Name} {s.State} at {s.Position}, caught up {s.CaughtUpAt}, {s.LastError}")));
            await Task.Delay(20);
        }

        registry.Statuses().Select(s => s.Name).ShouldBe(["certificate-cache", "page-cache", "search-index", "status-relay"]);
        var cache = registry.Find("certificate-cache")!;
        cache.State.ShouldBe(OutboxFollowerState.Following);
        cache.Position.ShouldNotBeNull();
        cache.Lag.ShouldNotBeNull();
    }
}
