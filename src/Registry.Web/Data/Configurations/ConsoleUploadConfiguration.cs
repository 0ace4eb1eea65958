using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Features.StaffConsole.Staff;
using Registry.Web.Features.StaffConsole.Uploads;

namespace Registry.Web.Data.Configurations;

internal sealed class ConsoleUploadConfiguration : IEntityTypeConfiguration<ConsoleUpload>
{
    public void Configure(EntityTypeBuilder<ConsoleUpload> builder)
    {
        builder.ToTable("console_uploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.FileName).HasMaxLength(ConsoleUpload.MaxFileNameLength);
        builder.Property(u => u.UploadedByName).HasMaxLength(StaffMember.MaxDisplayNameLength);
        builder.Property(u => u.AppliedByName).HasMaxLength(StaffMember.MaxDisplayNameLength);
        builder.Property(u => u.Preview).HasColumnType("jsonb");
        builder.Property(u => u.Results).HasColumnType("jsonb");
        builder.HasOne<CertificationBody>().WithMany().HasForeignKey(u => u.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(u => u.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(u => u.AppliedBy).OnDelete(DeleteBehavior.Restrict);

        // The console lists a body's latest uploads; the pruner looks for old ones.
        builder.HasIndex(u => new { u.BodyId, u.UploadedAt });
        builder.HasIndex(u => u.UploadedAt);
    }
}
