using Registry.Web.Data.Outbox;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Audit;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Receipts;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.WatchLists;

namespace Registry.Web.Data;

public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options) : DbContext(options)
{
    public DbSet<CertificationBody> Bodies => Set<CertificationBody>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<StatusEvent> StatusEvents => Set<StatusEvent>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<DataSet> DataSets => Set<DataSet>();

    public DbSet<StoredSigningKey> SigningKeys => Set<StoredSigningKey>();

    public DbSet<QrPrint> QrPrints => Set<QrPrint>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<StoredReceipt> Receipts => Set<StoredReceipt>();

    public DbSet<WatchList> WatchLists => Set<WatchList>();

    public DbSet<WatchListItem> WatchListItems => Set<WatchListItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }
}
