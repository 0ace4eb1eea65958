using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Registry.Web.Data;
using Registry.Web.Features.DemoData;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// A database of its own for one seeding test (seeding needs an empty registry, so the shared test database
/// will not do): created on the server from ConnectionStrings__Registry, optionally migrated, dropped on dispose.
/// </summary>
public sealed class DemoDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private DemoDatabase(string name, bool create)
    {
        var server = new NpgsqlConnectionStringBuilder(
            Environment.GetEnvironmentVariable("ConnectionStrings__Registry")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=registry_test");
        Name = name;
        Created = create;
        _adminConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public bool Created { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<DemoDatabase> CreateAsync(bool migrate = true)
    {
        var database = new DemoDatabase(UniqueName(), create: true);
        await using (var admin = new NpgsqlConnection(database._adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    /// <summary>A name on the server that no database has.</summary>
    public static DemoDatabase Missing() => new(UniqueName(), create: false);

    public RegistryDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        DataExtensions.Configure(options, DataSource);
        return new RegistryDbContext(options.Options);
    }

    /// <summary>The services the seed command gets from the operator host, with a fixed clock.</summary>
    public IHost CreateHost(TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [$"ConnectionStrings:{DataExtensions.ConnectionStringName}"] = ConnectionString });
        builder.AddRegistryData();
        builder.AddDemoData();
        builder.Services.AddSingleton(clock);
        return builder.Build();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (!Created)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string UniqueName() => $"registry_demo_{Guid.NewGuid():N}"[..30];
}
