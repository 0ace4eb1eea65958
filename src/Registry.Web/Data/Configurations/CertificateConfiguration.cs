using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Identifiers;

namespace Registry.Web.Data.Configurations;

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("certificates", t =>
        {
            t.HasCheckConstraint("ck_certificates_expiry_after_issue", "expires_on > issued_on");
            t.HasCheckConstraint("ck_certificates_total_score", "total_score >= 0 AND total_score <= 100");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).UseIdentityByDefaultColumn();
        builder.Property(c => c.Number).HasMaxLength(CertificateNumber.MaxInputLength);
        builder.Property(c => c.NormalizedNumber).HasMaxLength(CertificateNumber.MaxNormalizedLength);
        builder.Property(c => c.SchemeCode).HasMaxLength(32);
        builder.Property(c => c.Level).HasMaxLength(32);
        builder.Property(c => c.TotalScore).HasPrecision(4, 1);
        builder.Property(c => c.ScopeZh).HasMaxLength(Certificate.MaxScopeLength);
        builder.Property(c => c.ScopeEn).HasMaxLength(Certificate.MaxScopeLength);
        builder.Property(c => c.Standing).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.Scheme);

        builder.HasOne<CertificationBody>().WithMany().HasForeignKey(c => c.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.NormalizedNumber).IsUnique();
        builder.HasIndex(c => new { c.BodyId, c.Standing });
        builder.HasIndex(c => new { c.Standing, c.ExpiresOn });
        builder.HasIndex(c => c.OrganisationId);
    }
}
