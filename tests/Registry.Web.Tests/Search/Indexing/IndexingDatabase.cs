using Npgsql;
using Registry.Domain.Certificates;
using Registry.Domain.Time;
using Registry.Web.Features.DemoData;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Tests.Search.Indexing;

/// <summary>
/// A database of its own for indexing tests: they compare the index with the whole outbox and every
/// certificate, so changes other tests make in the shared database would count against them.
/// </summary>
public sealed class IndexingDatabase : IAsyncLifetime
{
    /// <summary>Changes stand on this day (certificates issued by <see cref="IssueAsync"/> start a year earlier).</summary>
    public static readonly DateOnly ChangeDay = new(2026, 3, 10);

    private RegistryWebFactory? _site;

    public RegistryDatabase Database { get; } = new();

    public NpgsqlDataSource DataSource => Database.DataSource;

    public string ConnectionString => Database.ConnectionString;

    public static async Task<IndexingDatabase> CreateAsync()
    {
        var database = new IndexingDatabase();
        await database.InitializeAsync();
        return database;
    }

    public ValueTask InitializeAsync() => Database.InitializeAsync();

    /// <summary>The site in-process on this database, with a replica folder of its own (removed with the database).</summary>
    public RegistryWebFactory Site => (_site ??= Database.Site);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_site is not null)
        {
            TemporaryFolder.Delete(_site.IndexPath);
        }
    }

    public async Task<long> OutboxMaxAsync() => await ScalarAsync<long>("SELECT coalesce(max(sequence), 0) FROM outbox_messages");

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Loads fictional demo certificates with the seed command's loader (no outbox rows: an index is built from the tables).</summary>
    internal async Task LoadDemoAsync(int count, int seed = 27922)
    {
        var result = await new DemoDataLoader(DataSource).LoadAsync(
            new DemoLoadRequest(count, seed, TimeProvider.System.GetUtcNow()), progress: null, CancellationToken.None);
        result.Status.ShouldBe(DemoLoadStatus.Loaded);
    }

    /// <summary>A valid certificate issued through the publisher a year before <see cref="ChangeDay"/>.</summary>
    public async Task<(Certificate Certificate, CertificationBody Body)> IssueAsync() =>
        await new TestRegistry(Database).IssueAsync(ChangeDay.AddYears(-1));

    /// <summary>Suspends a valid certificate or reinstates a suspended one, through the publisher; returns the new standing.</summary>
    public async Task<CertificateStanding> ToggleAsync(string number, long bodyId, CertificateStanding from, DateOnly? on = null)
    {
        var day = on ?? ChangeDay;
        var clock = TestClocks.AtChinaNoon(day.Year, day.Month, day.Day);
        var change = from == CertificateStanding.Valid
            ? StatusChange.Suspend(day, "Complaint handling under review", "ignored")
            : StatusChange.Reinstate(day, "Corrective action accepted", "ignored");
        await using var db = Database.CreateContext();
        await new CertificatePublisher(db, clock).ChangeAsync(number, change, new PublishingActor(bodyId, "indexing test"), CancellationToken.None);
        return from == CertificateStanding.Valid ? CertificateStanding.Suspended : CertificateStanding.Valid;
    }

    /// <summary>Valid, unexpired certificates (number and body), for status changes made today.</summary>
    public async Task<IReadOnlyList<(string Number, long BodyId)>> ValidCertificatesAsync(int limit)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT number, body_id FROM certificates WHERE standing = 'Valid' AND expires_on > @today ORDER BY id LIMIT @limit");
        command.Parameters.AddWithValue("today", RegistryCalendar.Today(TimeProvider.System));
        command.Parameters.AddWithValue("limit", limit);
        var found = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return found;
    }
}
