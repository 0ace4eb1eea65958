using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Registry.Web.Data.Outbox;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Audit;
using Registry.Web.Features.StaffConsole.Staff;
using Registry.Web.Features.Publishing;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.Receipts;
using Registry.Web.Features.SigningKeys;
using Registry.Web.Features.WatchLists;

namespace Registry.Web.Data;

/// <summary>
/// The registry's tables, the console's staff accounts (ASP.NET Core Identity, <c>staff_*</c>) and the Data Protection
/// key ring (<c>data_protection_keys</c>, shared by every instance), in one database and one migration history.
/// </summary>
public sealed class RegistryDbContext(DbContextOptions<RegistryDbContext> options)
    : IdentityDbContext<StaffMember, StaffRole, long>(options), IDataProtectionKeyContext
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

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Features.StaffConsole.Uploads.ConsoleUpload> ConsoleUploads => Set<Features.StaffConsole.Uploads.ConsoleUpload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);
    }
}
