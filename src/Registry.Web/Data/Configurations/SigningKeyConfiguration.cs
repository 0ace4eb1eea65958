using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Data.Configurations;

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<StoredSigningKey>
{
    public const string KidKey = "ak_signing_keys_kid";
    public const string ThumbprintIndex = "ix_signing_keys_thumbprint";
    public const string OneActivePerBodyIndex = "ux_signing_keys_one_active_per_body";
    public const string OneActiveReceiptKeyIndex = "ux_signing_keys_one_active_receipt_key";

    public void Configure(EntityTypeBuilder<StoredSigningKey> builder)
    {
        builder.ToTable("signing_keys", t =>
        {
            t.HasCheckConstraint("ck_signing_keys_state", "state IN ('Active', 'Retired', 'Revoked')");
            t.HasCheckConstraint("ck_signing_keys_kid", "char_length(kid) = 6");
            t.HasCheckConstraint("ck_signing_keys_key_lengths",
                "octet_length(thumbprint) = 32 AND octet_length(public_x) = 32 AND octet_length(public_y) = 32");
            t.HasCheckConstraint("ck_signing_keys_window", "not_after IS NULL OR not_after >= not_before");

            // An open-ended window means "still signing": only the active key has one.
            t.HasCheckConstraint("ck_signing_keys_open_only_while_active", "(state = 'Active') = (not_after IS NULL)");
            t.HasCheckConstraint("ck_signing_keys_retired", "state <> 'Retired' OR retired_at IS NOT NULL");
            t.HasCheckConstraint("ck_signing_keys_revoked",
                "(state = 'Revoked') = (revoked_at IS NOT NULL) AND (state = 'Revoked') = (revocation_reason IS NOT NULL)");
        });
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).UseIdentityByDefaultColumn();
        builder.Property(k => k.Kid).HasMaxLength(6);
        builder.Property(k => k.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(k => k.RevocationReason).HasMaxLength(SigningKeyStore.MaxReasonLength);

        // No body: the registry's own receipt key. It lives here so that it is kept exactly like the bodies' keys
        // (encrypted under the KEK, rotated, revoked, published, rewrapped) and shares their key-id namespace.
        builder.HasOne<CertificationBody>().WithMany().HasForeignKey(k => k.BodyId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => k.BodyId);
        builder.HasIndex(k => k.BodyId, OneActivePerBodyIndex).IsUnique().HasFilter("state = 'Active'").HasDatabaseName(OneActivePerBodyIndex);
        builder.HasIndex(k => k.State, OneActiveReceiptKeyIndex).IsUnique().HasFilter("state = 'Active' AND body_id IS NULL")
            .HasDatabaseName(OneActiveReceiptKeyIndex);

        // The 4-byte id is unique across all bodies, because verifiers look keys up by it alone; as an
        // alternate key it is also what qr_prints.kid refers to.
        builder.HasAlternateKey(k => k.Kid).HasName(KidKey);
        builder.HasIndex(k => k.Thumbprint).IsUnique().HasDatabaseName(ThumbprintIndex);
    }
}
