using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Data.Configurations;

internal sealed class QrPrintConfiguration : IEntityTypeConfiguration<QrPrint>
{
    public void Configure(EntityTypeBuilder<QrPrint> builder)
    {
        builder.ToTable("qr_prints", t =>
        {
            // Paper certificates carry serial 0 and are not recorded here.
            t.HasCheckConstraint("ck_qr_prints_medium", "medium IN ('Plaque', 'PackagingMark')");
            t.HasCheckConstraint("ck_qr_prints_serial", "serial >= 1");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).UseIdentityByDefaultColumn();
        builder.Property(p => p.Medium).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Kid).HasMaxLength(6);

        builder.HasOne<Certificate>().WithMany().HasForeignKey(p => p.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredSigningKey>().WithMany().HasForeignKey(p => p.Kid).HasPrincipalKey(k => k.Kid).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CertificateId, p.Medium, p.Serial }).IsUnique();
        builder.HasIndex(p => p.Kid);
    }
}
