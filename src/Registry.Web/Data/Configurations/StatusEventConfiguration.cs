using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Registry.Web.Data.Configurations;

internal sealed class StatusEventConfiguration : IEntityTypeConfiguration<StatusEvent>
{
    public void Configure(EntityTypeBuilder<StatusEvent> builder)
    {
        builder.ToTable("status_events", t =>
            t.HasCheckConstraint("ck_status_events_sequence_positive", "sequence > 0"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityByDefaultColumn();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Reason).HasMaxLength(StatusEvent.MaxReasonLength);
        builder.Property(e => e.Actor).HasMaxLength(StatusEvent.MaxActorLength);
        builder.Property(e => e.Level).HasMaxLength(32);
        builder.Property(e => e.TotalScore).HasPrecision(4, 1);
        builder.Property(e => e.ServiceSystemScore).HasPrecision(4, 1);
        builder.Property(e => e.CommodityServiceScore).HasPrecision(4, 1);
        builder.Property(e => e.CustomerServiceScore).HasPrecision(4, 1);
        builder.Property(e => e.ScopeZh).HasMaxLength(2000);
        builder.Property(e => e.ScopeEn).HasMaxLength(2000);
        builder.Ignore(e => e.Scores);

        // Two writers that both read sequence n cannot both append n + 1.
        builder.HasIndex(e => new { e.CertificateId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.PublishedAt);
    }
}
