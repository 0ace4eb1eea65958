using Npgsql;
using Registry.Web.Data;

[assembly: AssemblyFixture(typeof(Registry.Web.Tests.TestSupport.RegistryDatabase))]

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// A fresh PostgreSQL database for this test run, created from the server ops/test started and migrated
/// with the project's own migrations; dropped at the end. Tests share it and keep apart by using
/// their own certificate numbers and credit codes.
/// </summary>
public sealed class RegistryDatabase : IAsyncLifetime
{
    public RegistryDatabase()
        : this(Environment.GetEnvironmentVariable("ConnectionStrings__Registry") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=registry_test")
    {
    }

    private RegistryDatabase(string serverConnectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        Name = $"registry_test_{Guid.NewGuid():N}"[..32];
        AdminConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        // Test classes run in parallel and share this site. WebApplicationFactory builds its host on first use
        // without a lock, so several classes arriving at once each built one, all on the same index folder,
        // and every host but one failed to lock it. The Lazy lets one thread build and start it.
        _site = new Lazy<RegistryWebFactory>(() =>
        {
            var site = new RegistryWebFactory(ConnectionString);
            site.StartServer();
            return site;
        });
        _browserSite = new Lazy<RegistryWebFactory>(() => new RegistryWebFactory(ConnectionString, onKestrel: true));
    }

    /// <summary>A database on another server (a <see cref="PrivatePostgres"/>, say) than the one ops/test started.</summary>
    public static RegistryDatabase OnServer(string serverConnectionString) => new(serverConnectionString);

    public string Name { get; }

    public string ConnectionString { get; }

    public string AdminConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    private readonly Lazy<RegistryWebFactory> _site;
    private readonly Lazy<RegistryWebFactory> _browserSite;

    /// <summary>The site, running in-process against this database (created on first use, shared).</summary>
    public RegistryWebFactory Site => _site.Value;

    /// <summary>The site on a real loopback port, for Chromium.</summary>
    public Uri BrowserSiteAddress => _browserSite.Value.StartKestrel();

    /// <summary>Waits (20 s at the most) until <paramref name="expected"/> sessions of this database wait on a lock.</summary>
    public async Task WaitForLockWaitersAsync(int expected, string because)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await using var connection = await DataSource.OpenConnectionAsync();
        while (true)
        {
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            if ((long)(await count.ExecuteScalarAsync())! >= expected)
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, because);
            await Task.Delay(20);
        }
    }

    public RegistryDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        DataExtensions.Configure(options, DataSource);
        return new RegistryDbContext(options.Options);
    }

    public async ValueTask InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var site in new[] { _site, _browserSite }.Where(s => s.IsValueCreated))
        {
            await site.Value.DisposeAsync();
        }

        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
