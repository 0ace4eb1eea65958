using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Signing.Receipts;
using Registry.Web.Features.Receipts;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Data.Configurations;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<StoredReceipt>
{
    public void Configure(EntityTypeBuilder<StoredReceipt> builder)
    {
        builder.ToTable("receipts", t =>
        {
            t.HasCheckConstraint("ck_receipts_id", $"id ~ '^[a-z2-7]{{{ReceiptId.Length}}}$'");
            t.HasCheckConstraint("ck_receipts_kind", $"kind IN ('{ReceiptKinds.Check}', '{ReceiptKinds.Certificate}', '{ReceiptKinds.Verification}')");
            t.HasCheckConstraint("ck_receipts_rows", "row_count >= 1");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(ReceiptId.Length);
        builder.Property(r => r.Kind).HasMaxLength(16);
        builder.Property(r => r.Kid).HasMaxLength(6);
        builder.HasOne<StoredSigningKey>().WithMany().HasForeignKey(r => r.Kid).HasPrincipalKey(k => k.Kid).OnDelete(DeleteBehavior.Restrict);
    }
}
