using Microsoft.EntityFrameworkCore;
using Registry.Domain.Certificates;
using Registry.Domain.Lifecycle;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Data;

public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<CertificationBody> Bodies => Set<CertificationBody>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<DataSet> DataSets => Set<DataSet>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }
}
