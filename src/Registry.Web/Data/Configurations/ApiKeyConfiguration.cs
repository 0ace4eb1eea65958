using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Features.ApiKeys;

namespace Registry.Web.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys", t =>
        {
            t.HasCheckConstraint("ck_api_keys_key_id", $"key_id ~ '^[a-z2-7]{{{ApiKeyToken.KeyIdLength}}}$'");
            t.HasCheckConstraint("ck_api_keys_secret_hash", $"octet_length(secret_hash) = {ApiKeyToken.HashLength}");
            t.HasCheckConstraint("ck_api_keys_revoked", "(revoked_at IS NULL) = (revoked_by IS NULL)");
        });
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).UseIdentityByDefaultColumn();
        builder.Property(k => k.KeyId).HasMaxLength(ApiKeyToken.KeyIdLength);
        builder.Property(k => k.Label).HasMaxLength(ApiKey.MaxLabelLength);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Property(k => k.RevokedBy).HasMaxLength(200);

        builder.HasOne<CertificationBody>().WithMany().HasForeignKey(k => k.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.HasIndex(k => k.BodyId);
    }
}
