using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Registry.Web.Data;
using Registry.Web.Features.DemoData;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Tests.Search.Querying;

[CollectionDefinition(Name)]
public sealed class SearchFixtureGroup : ICollectionFixture<SearchFixture>
{
    public const string Name = "Search fixture";
}

/// <summary>
/// A database of its own for the search suites: 2,000 demo certificates of noise (the demo loader needs an empty
/// registry, so the shared test database will not do) plus the hand-made <see cref="FixtureData"/>, issued through
/// the real publisher; then a fresh index generation built by <see cref="IndexRebuilder"/> into a temporary folder
/// and served from a <see cref="SearchReplica"/>. The clock stands still at noon in China on <see cref="Today"/>.
/// </summary>
public sealed class SearchFixture : IAsyncLifetime
{
    public const int DemoCount = 2000;
    public const int DemoSeed = 27922;

    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly string _adminConnectionString;
    private readonly string _indexRoot = Path.Combine(Path.GetTempPath(), "registry-search-relevance", Guid.NewGuid().ToString("N"));

    public SearchFixture()
    {
        var server = new NpgsqlConnectionStringBuilder(
            Environment.GetEnvironmentVariable("ConnectionStrings__Registry")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=registry_test");
        Name = $"registry_search_{Guid.NewGuid():N}"[..32];
        _adminConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name }.ConnectionString);
        Service = new SearchService(Replica, DataSource, Clock);
        Suggester = new Suggester(Replica);
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    public FakeTimeProvider Clock { get; } = TestClocks.AtChinaNoon(Today.Year, Today.Month, Today.Day);

    public SearchReplica Replica { get; } = new();

    public SearchService Service { get; }

    public Suggester Suggester { get; }

    /// <summary>How many certificates the database holds (demo and fixture).</summary>
    public long CertificateCount { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync(ct);
        }

        var loaded = await new DemoDataLoader(DataSource).LoadAsync(new DemoLoadRequest(DemoCount, DemoSeed, Clock.GetUtcNow()), null, ct);
        if (loaded.Status != DemoLoadStatus.Loaded)
        {
            throw new InvalidOperationException($"The demo data did not load: {loaded.Status}.");
        }

        await FixtureData.SeedAsync(CreateContext, Clock, ct);
        var built = await new IndexRebuilder(DataSource).RebuildAsync(new IndexGenerations(_indexRoot), null, ct);
        Replica.Swap(new SearchIndex(built.Folder));
        CertificateCount = await ScalarAsync<long>("SELECT count(*) FROM certificates");
        if (built.Documents != CertificateCount)
        {
            throw new InvalidOperationException($"The index holds {built.Documents} documents for {CertificateCount} certificates.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Replica.Dispose();
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_indexRoot, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the system cleans it eventually.
        }
    }

    public RegistryDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        DataExtensions.Configure(options, DataSource);
        return new RegistryDbContext(options.Options);
    }

    /// <summary>Runs a search that must be accepted, and returns its results.</summary>
    public async Task<SearchResults> SearchAsync(SearchRequest request)
    {
        var outcome = await Service.SearchAsync(request, TestContext.Current.CancellationToken);
        outcome.IndexNotReady.ShouldBeFalse();
        outcome.Problems.ShouldBeEmpty();
        return outcome.Results.ShouldNotBeNull();
    }

    public Task<SearchResults> SearchAsync(string? text, int pageSize = SearchRequest.MaxPageSize) =>
        SearchAsync(new SearchRequest { Text = text, PageSize = pageSize });

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Rows of (text, count) from a query that returns exactly those two columns.</summary>
    public async Task<Dictionary<string, int>> CountsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            counts[reader.GetString(0).Trim()] = checked((int)reader.GetInt64(1));
        }

        return counts;
    }
}
