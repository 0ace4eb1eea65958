using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>`verify-index` as an operator runs it: exit code 1 and one DRIFT line per difference.</summary>
public sealed class VerifyCommandTests(IndexingDatabase database) : IClassFixture<IndexingDatabase>, IDisposable
{
    private readonly string _indexPath = TemporaryFolder.New("verify");

    [Fact]
    public async Task Reports_drift_when_the_database_changed_behind_the_index()
    {
        var (changedBySql, _) = await database.IssueAsync();
        var (changedUnapplied, body) = await database.IssueAsync();
        var (untouched, _) = await database.IssueAsync();
        var built = await new IndexRebuilder(database.DataSource).RebuildAsync(new IndexGenerations(_indexPath), progress: null, CancellationToken.None);

        // One certificate's snapshot changed by SQL, with no outbox message (the index can never learn of it);
        // another changed properly, but the index has not applied the change yet.
        await using (var command = database.DataSource.CreateCommand($"UPDATE certificates SET standing = 'Withdrawn' WHERE id = {changedBySql.Id}"))
        {
            (await command.ExecuteNonQueryAsync()).ShouldBe(1);
        }

        await database.ToggleAsync(changedUnapplied.Number, body.Id, CertificateStanding.Valid);

        var (exitCode, output) = await RegistryProcess.RunAsync(RegistryProcess.Settings(database.ConnectionString, _indexPath), "verify-index", "--index-path", _indexPath);

        exitCode.ShouldBe(1, output);
        output.ShouldContain($"DRIFT: The index contains outbox changes up to {built.OutboxSequence}; the database is at {built.OutboxSequence + 1}.");
        output.ShouldContain("DRIFT: Valid: 1 in the database, 3 in the index.");
        output.ShouldContain("DRIFT: Suspended: 1 in the database, 0 in the index.");
        output.ShouldContain("DRIFT: Withdrawn: 1 in the database, 0 in the index.");
        output.ShouldContain($"DRIFT: Certificate {changedBySql.Number} differs between the index and the database.");
        output.ShouldContain($"DRIFT: Certificate {changedUnapplied.Number} differs between the index and the database.");
        output.ShouldNotContain(untouched.Number);
        output.ShouldContain("Compared 3 random certificates field by field.");
        output.ShouldContain("6 difference(s) found.");
    }

    [Fact]
    public async Task Refuses_a_replica_folder_without_an_index()
    {
        var (exitCode, output) = await RegistryProcess.RunAsync(RegistryProcess.Settings(database.ConnectionString, _indexPath), "verify-index", "--index-path", _indexPath);

        exitCode.ShouldBe(2, output);
        output.ShouldContain("No search index has been built in");
        output.ShouldContain("Run rebuild-index");
    }

    public void Dispose() => TemporaryFolder.Delete(_indexPath);
}
