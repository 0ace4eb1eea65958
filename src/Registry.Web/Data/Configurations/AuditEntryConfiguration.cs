using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Identifiers;
using Registry.Web.Features.Audit;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries", t =>
            t.HasCheckConstraint("ck_audit_entries_outcome", "outcome IN ('Applied', 'Refused', 'Replayed')"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityByDefaultColumn();
        builder.Property(e => e.ApiKeyId).HasMaxLength(32);
        builder.Property(e => e.Operation).HasMaxLength(32);
        builder.Property(e => e.CertificateNumber).HasMaxLength(CertificateNumber.MaxInputLength);
        builder.Property(e => e.SourceAddress).HasMaxLength(64);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(IdempotencyKeys.MaxStoredLength);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ErrorCode).HasMaxLength(64);
        builder.Property(e => e.Message).HasMaxLength(AuditEntry.MaxMessageLength);

        builder.HasOne<CertificationBody>().WithMany().HasForeignKey(e => e.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.StaffName).HasMaxLength(Features.StaffConsole.Staff.StaffMember.MaxDisplayNameLength);
        builder.HasOne<Features.StaffConsole.Staff.StaffMember>().WithMany().HasForeignKey(e => e.StaffMemberId).OnDelete(DeleteBehavior.Restrict);

        // A body reads its own entries newest first, all of them or one certificate's.
        builder.HasIndex(e => new { e.BodyId, e.Id });
        builder.HasIndex(e => new { e.BodyId, e.CertificateNumber, e.Id });
    }
}
