using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Web.Data.Configurations;

internal sealed class CertificationBodyConfiguration : IEntityTypeConfiguration<CertificationBody>
{
    public void Configure(EntityTypeBuilder<CertificationBody> builder)
    {
        builder.ToTable("certification_bodies");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).UseIdentityByDefaultColumn();
        builder.Property(b => b.Code).HasMaxLength(32);
        builder.Property(b => b.NameZh).HasMaxLength(200);
        builder.Property(b => b.NameEn).HasMaxLength(200);
        builder.Property(b => b.ApprovalNumber).HasMaxLength(40);
        builder.Property(b => b.Website).HasMaxLength(300);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.HasIndex(b => b.ApprovalNumber).IsUnique();
    }
}
