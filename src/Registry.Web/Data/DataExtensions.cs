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
        // Interceptors registered in the container join every context: the tests inject faults this way.
        // The options are built once (a singleton), not for every request's context: building them per scope was a
        // tenth of a GraphQL look-up's time. Interceptors are singletons, so the root provider has them all.
        builder.Services.AddDbContext<RegistryDbContext>(
            (services, options) => Configure(options, dataSource).AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Options for a singleton that makes short-lived contexts of its own, outside any request scope.</summary>
    public static DbContextOptions<RegistryDbContext> ContextOptions(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        Configure(options, dataSource);
        return options.Options;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
