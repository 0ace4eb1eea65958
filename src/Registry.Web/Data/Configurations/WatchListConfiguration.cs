using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Features.WatchLists;

namespace Registry.Web.Data.Configurations;

internal sealed class WatchListConfiguration : IEntityTypeConfiguration<WatchList>
{
    public void Configure(EntityTypeBuilder<WatchList> builder)
    {
        builder.ToTable("watch_lists", t =>
            t.HasCheckConstraint("ck_watch_lists_hashes", "octet_length(view_hash) = 32 AND octet_length(edit_hash) = 32"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).UseIdentityByDefaultColumn();
        builder.Property(l => l.Name).HasMaxLength(WatchList.MaxNameLength);
        builder.HasIndex(l => l.ViewHash).IsUnique();
        builder.HasIndex(l => l.EditHash).IsUnique();

        // The pruner looks for lists nobody has read for a long time.
        builder.HasIndex(l => l.LastReadAt);
    }
}

internal sealed class WatchListItemConfiguration : IEntityTypeConfiguration<WatchListItem>
{
    public void Configure(EntityTypeBuilder<WatchListItem> builder)
    {
        builder.ToTable("watch_list_items");
        builder.HasKey(i => new { i.WatchListId, i.CertificateId });
        builder.Property(i => i.Asked).HasMaxLength(Registry.Web.Features.Input.Tables.TableLimits.MaxCellLength);
        builder.HasOne<WatchList>().WithMany().HasForeignKey(i => i.WatchListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Certificate>().WithMany().HasForeignKey(i => i.CertificateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.CertificateId);
    }
}
