using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Features.Publishing;

namespace Registry.Web.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records", t =>
        {
            t.HasCheckConstraint("ck_idempotency_records_request_hash", "octet_length(request_hash) = 32");
            t.HasCheckConstraint("ck_idempotency_records_outcome", "(result IS NULL) <> (error_code IS NULL)");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).UseIdentityByDefaultColumn();
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxStoredLength);
        builder.Property(r => r.Operation).HasMaxLength(32);
        builder.Property(r => r.ApiKeyId).HasMaxLength(32);
        builder.Property(r => r.Result).HasColumnType("jsonb");
        builder.Property(r => r.ErrorCode).HasMaxLength(64);

        builder.HasOne<CertificationBody>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);

        // The backstop behind the advisory lock: one first result per body and key, whatever happens.
        builder.HasIndex(r => new { r.BodyId, r.Key }).IsUnique();

        // For the pruner, which deletes the oldest first.
        builder.HasIndex(r => r.CreatedAt);
    }
}
