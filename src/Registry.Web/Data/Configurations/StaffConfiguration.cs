using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Data.Configurations;

/// <summary>Identity's tables under the console's names, each member tied to its body.</summary>
internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff_members");
        builder.Property(m => m.DisplayName).HasMaxLength(StaffMember.MaxDisplayNameLength);
        builder.HasOne<CertificationBody>().WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.BodyId);
    }
}

internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<StaffRole>
{
    public void Configure(EntityTypeBuilder<StaffRole> builder) => builder.ToTable("staff_roles");
}

internal sealed class StaffIdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityUserRole<long>>,
    IEntityTypeConfiguration<IdentityUserClaim<long>>,
    IEntityTypeConfiguration<IdentityUserLogin<long>>,
    IEntityTypeConfiguration<IdentityUserToken<long>>,
    IEntityTypeConfiguration<IdentityRoleClaim<long>>,
    IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<long>> builder) => builder.ToTable("staff_member_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<long>> builder) => builder.ToTable("staff_member_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<long>> builder) => builder.ToTable("staff_member_logins");

    // Authenticator keys and recovery codes live here.
    public void Configure(EntityTypeBuilder<IdentityUserToken<long>> builder) => builder.ToTable("staff_member_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<long>> builder) => builder.ToTable("staff_role_claims");

    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.ToTable("data_protection_keys");
}
