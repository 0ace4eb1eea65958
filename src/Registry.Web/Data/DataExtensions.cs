using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Registry.Web.Data;

public static class DataExtensions
{
    public const string ConnectionStringName = "Registry";

    /// <summary>PostgreSQL through EF Core, and the clock every rule reads.</summary>
    public static IHostApplicationBuilder AddRegistryData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set. Set ConnectionStrings__{ConnectionStringName} " +
                "(ops/services env prints it for the local instance).");
        }

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddDbContext<RegistryDbContext>(options => Configure(options, dataSource));
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
