using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Web.Data.Configurations;

internal sealed class DataSetConfiguration : IEntityTypeConfiguration<DataSet>
{
    public void Configure(EntityTypeBuilder<DataSet> builder)
    {
        builder.ToTable("data_sets");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(32);
        builder.Property(d => d.Description).HasMaxLength(500);
    }
}
