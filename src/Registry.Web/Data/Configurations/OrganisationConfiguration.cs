using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).UseIdentityByDefaultColumn();
        builder.Property(o => o.LegalNameZh).HasMaxLength(200);
        builder.Property(o => o.FormerNames).HasColumnType("text[]");
        builder.Property(o => o.NameEn).HasMaxLength(300);
        builder.Property(o => o.CreditCode).HasMaxLength(18).IsFixedLength();
        builder.Property(o => o.ProvinceCode).HasMaxLength(2).IsFixedLength();
        builder.Property(o => o.DivisionCode).HasMaxLength(6).IsFixedLength();
        builder.Property(o => o.Address).HasMaxLength(300);
        builder.Ignore(o => o.Province);
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.HasIndex(o => o.ProvinceCode);
    }
}
