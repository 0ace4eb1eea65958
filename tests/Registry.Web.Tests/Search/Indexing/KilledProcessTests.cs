using Lucene.Net.Index;
using Lucene.Net.Store;
using Registry.Domain.Time;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// The site as a real process, killed (SIGKILL) while it applies a stream of changes: on restart it resumes
/// from the sequence in its last commit, and verify-index then finds nothing to complain about.
/// </summary>
public sealed class KilledProcessTests(KilledProcessTests.DemoRegistry registry) : IClassFixture<KilledProcessTests.DemoRegistry>, IDisposable
{
    private const int Changes = 600;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _indexPath = TemporaryFolder.New("killed");

    [Fact]
    public async Task A_site_killed_while_indexing_catches_up_on_restart_and_verify_reports_no_drift()
    {
        var database = registry.Database;
        var settings = RegistryProcess.Settings(database.ConnectionString, _indexPath);
        var certificates = await database.ValidCertificatesAsync(Changes);
        certificates.Count.ShouldBe(Changes, "enough valid demo certificates to suspend");
        var start = await database.OutboxMaxAsync();

        // Two thirds are published while the site follows them, and the kill comes a third of the way in;
        // the last third is published after the kill, so that however fast this machine applies changes,
        // the killed site has missed some.
        var whileRunning = certificates.Take(Changes * 2 / 3).ToList();
        var afterKill = certificates.Skip(whileRunning.Count).ToList();
        var today = RegistryCalendar.Today(TimeProvider.System);
        long seenBeforeKill;
        Task publishing;
        await using (var site = RegistryProcess.Serve(settings))
        {
            await site.WaitForStatusAsync(s => s.Ready, "its search index is ready", Timeout);

            // Two writers suspend certificates as fast as the publisher goes; the site follows them.
            publishing = SuspendAsync(database, whileRunning, today, writers: 2);

            var partway = await site.WaitForStatusAsync(s => s.OutboxSequence >= start + Changes / 3,
                "a third of the changes are applied", Timeout, every: TimeSpan.FromMilliseconds(5));
            await site.KillAsync();
            seenBeforeKill = partway.OutboxSequence!.Value;
        }

        await publishing;
        await SuspendAsync(database, afterKill, today, writers: 1);
        var outboxMax = await database.OutboxMaxAsync();
        outboxMax.ShouldBe(start + Changes);
        var committed = CommittedSequence(_indexPath);
        committed.ShouldBeGreaterThanOrEqualTo(seenBeforeKill, "the site reports only what it has committed");
        committed.ShouldBeLessThan(outboxMax, "the kill left changes unapplied");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Killed at reported sequence {seenBeforeKill} (committed {committed}); changes ran from {start} to {outboxMax}.");

        // Left as the kill left it, the index is behind, and verify says so.
        var (behindCode, behind) = await RegistryProcess.RunAsync(settings, "verify-index", "--index-path", _indexPath);
        behindCode.ShouldBe(1, behind);
        behind.ShouldContain($"DRIFT: The index contains outbox changes up to {committed}; the database is at {outboxMax}.");

        await using (var restarted = RegistryProcess.Serve(settings))
        {
            await restarted.WaitForStatusAsync(s => s.OutboxSequence == outboxMax, $"outbox sequence {outboxMax}", Timeout);
            restarted.Output.ShouldNotContain("building one from PostgreSQL", customMessage: "the restart resumes the existing index instead of rebuilding it");
        }

        CommittedSequence(_indexPath).ShouldBe(outboxMax);
        var (exitCode, output) = await RegistryProcess.RunAsync(settings, "verify-index", "--index-path", _indexPath);
        exitCode.ShouldBe(0, output);
        output.ShouldContain("No drift: the index matches the database.");
        output.ShouldNotContain("DRIFT:", Case.Sensitive);
    }

    private static Task SuspendAsync(IndexingDatabase database, List<(string Number, long BodyId)> certificates, DateOnly today, int writers) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            for (var i = writer; i < certificates.Count; i += writers)
            {
                await database.ToggleAsync(certificates[i].Number, certificates[i].BodyId, CertificateStanding.Valid, on: today);
            }
        })));

    private static long CommittedSequence(string indexPath)
    {
        var folder = new IndexGenerations(indexPath).Current();
        folder.ShouldNotBeNull($"no current generation in {indexPath}");
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        return SearchIndex.ReadSequence(reader.IndexCommit.UserData);
    }

    public void Dispose() => TemporaryFolder.Delete(_indexPath);

    /// <summary>A database of its own with demo certificates to change.</summary>
    public sealed class DemoRegistry : IAsyncLifetime
    {
        public IndexingDatabase Database { get; } = new();

        public async ValueTask InitializeAsync()
        {
            await Database.InitializeAsync();
            await Database.LoadDemoAsync(Changes * 2, seed: 7);
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }
}
