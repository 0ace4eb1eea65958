using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>`rebuild-index` run by an operator while the site serves: the site follows the swap and keeps searching.</summary>
public sealed partial class RebuildCommandTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_site_switches_to_the_rebuilt_generation_and_old_generations_are_removed()
    {
        var (certificate, body) = await database.IssueAsync();
        var site = database.Site;
        using var client = site.CreatePageClient();
        var replica = site.Services.GetRequiredService<SearchReplica>();
        var generations = new IndexGenerations(site.IndexPath);
        await WaitForAsync(client, await database.OutboxMaxAsync());
        var firstGeneration = replica.Current!.Folder;

        // Two more generations, so that the command has old ones to clear away.
        var rebuilder = new IndexRebuilder(database.DataSource);
        for (var i = 0; i < 2; i++)
        {
            var built = await rebuilder.RebuildAsync(generations, progress: null, CancellationToken.None);
            await WaitForFolderAsync(replica, built.Folder);
        }

        Directory.GetDirectories(site.IndexPath, "gen-*").Length.ShouldBe(3);
        await database.ToggleAsync(certificate.Number, body.Id, CertificateStanding.Valid);
        var sequence = await database.OutboxMaxAsync();

        var (exitCode, output) = await RegistryProcess.RunAsync(
            RegistryProcess.Settings(database.ConnectionString, site.IndexPath), "rebuild-index", "--index-path", site.IndexPath);

        exitCode.ShouldBe(0, output);
        output.ShouldContain($"Indexed 1 certificates up to outbox sequence {sequence}");
        var current = CurrentGeneration().Match(output);
        current.Success.ShouldBeTrue(output);
        var folder = Path.Combine(generations.Root, current.Groups[1].Value);
        generations.Current().ShouldBe(folder);
        await WaitForFolderAsync(replica, folder);
        (await WaitForAsync(client, sequence)).OutboxSequence.ShouldBe(sequence);

        // The command keeps the new generation and the two before it; the site's first is gone.
        var kept = Directory.GetDirectories(site.IndexPath, "gen-*");
        kept.Length.ShouldBeLessThanOrEqualTo(3, string.Join(", ", kept));
        kept.ShouldContain(folder);
        Directory.Exists(firstGeneration).ShouldBeFalse();

        // Searches answer from the new generation, and changes keep flowing into it.
        replica.Current!.Folder.ShouldBe(folder);
        var page = await client.GetAsync(new Uri($"/search?q={Uri.EscapeDataString(certificate.Number)}", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain(certificate.Number);
        await database.ToggleAsync(certificate.Number, body.Id, CertificateStanding.Suspended);
        await WaitForAsync(client, sequence + 1);
        using var lease = replica.Lease()!;
        FollowedReplica.Find(lease.Searcher, certificate.Id)!.Standing.ShouldBe(CertificateStanding.Valid);
    }

    private static async Task<SearchStatus> WaitForAsync(HttpClient client, long sequence)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var status = await client.GetFromJsonAsync<SearchStatus>(new Uri("/search/status", UriKind.Relative));
            if (status!.OutboxSequence >= sequence)
            {
                return status;
            }

            watch.Elapsed.ShouldBeLessThan(Timeout, $"the site did not reach outbox sequence {sequence} (status: {status})");
            await Task.Delay(20);
        }
    }

    private static async Task WaitForFolderAsync(SearchReplica replica, string folder)
    {
        var watch = Stopwatch.StartNew();
        while (replica.Current?.Folder != folder)
        {
            watch.Elapsed.ShouldBeLessThan(Timeout, $"the site did not switch to {folder} (it serves {replica.Current?.Folder})");
            await Task.Delay(20);
        }
    }

    [GeneratedRegex(@"now current: (gen-[0-9T]+-[0-9a-f]+)")]
    private static partial Regex CurrentGeneration();
}
