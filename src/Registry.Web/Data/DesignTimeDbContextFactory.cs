using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Registry.Web.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the site.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<RegistryDbContext>
{
    public RegistryDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Registry")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=registry";
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        DataExtensions.Configure(options, NpgsqlDataSource.Create(connectionString));
        return new RegistryDbContext(options.Options);
    }
}
