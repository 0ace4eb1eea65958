using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).UseIdentityAlwaysColumn();
        builder.Property(m => m.Topic).HasMaxLength(64);
        builder.Property(m => m.CertificateNumber).HasMaxLength(80);
        builder.Property(m => m.Payload).HasColumnType("jsonb");
        builder.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
        builder.HasIndex(m => m.CertificateId);
    }
}
