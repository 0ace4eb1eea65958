using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Tests.TestSupport;

/// <summary>Waits for a site's search replica to apply every outbox message published so far.</summary>
public static class SearchIndexWait
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    public static async Task UntilCaughtUpAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> site, RegistryDatabase database)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(database);
        await using var command = database.DataSource.CreateCommand("SELECT coalesce(max(sequence), 0) FROM outbox_messages");
        var published = (long)(await command.ExecuteScalarAsync())!;
        var replica = site.Services.GetRequiredService<SearchReplica>();
        var watch = Stopwatch.StartNew();
        while (replica.Current?.AppliedSequence is not { } applied || applied < published)
        {
            watch.Elapsed.ShouldBeLessThan(Bound, $"the search index did not reach outbox sequence {published}");
            await Task.Delay(50);
        }
    }
}
