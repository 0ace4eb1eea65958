using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Data.Migrations
{
    /// <summary>
    /// The bodies' QR signing keys (public point in the clear, private scalar encrypted under the KEK; one
    /// active key per body) and the serial numbers handed out for printed plaques and packaging marks.
    /// </summary>
    public partial class SigningKeysAndQrPrints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    body_id = table.Column<long>(type: "bigint", nullable: false),
                    kid = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    thumbprint = table.Column<byte[]>(type: "bytea", nullable: false),
                    public_x = table.Column<byte[]>(type: "bytea", nullable: false),
                    public_y = table.Column<byte[]>(type: "bytea", nullable: false),
                    encrypted_private_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    not_before = table.Column<DateOnly>(type: "date", nullable: false),
                    not_after = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_signing_keys", x => x.id);
                    table.UniqueConstraint("ak_signing_keys_kid", x => x.kid);
                    table.CheckConstraint("ck_signing_keys_key_lengths", "octet_length(thumbprint) = 32 AND octet_length(public_x) = 32 AND octet_length(public_y) = 32");
                    table.CheckConstraint("ck_signing_keys_kid", "char_length(kid) = 6");
                    table.CheckConstraint("ck_signing_keys_open_only_while_active", "(state = 'Active') = (not_after IS NULL)");
                    table.CheckConstraint("ck_signing_keys_retired", "state <> 'Retired' OR retired_at IS NOT NULL");
                    table.CheckConstraint("ck_signing_keys_revoked", "(state = 'Revoked') = (revoked_at IS NOT NULL) AND (state = 'Revoked') = (revocation_reason IS NOT NULL)");
                    table.CheckConstraint("ck_signing_keys_state", "state IN ('Active', 'Retired', 'Revoked')");
                    table.CheckConstraint("ck_signing_keys_window", "not_after IS NULL OR not_after >= not_before");
                    table.ForeignKey(
                        name: "fk_signing_keys_certification_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "certification_bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "qr_prints",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_id = table.Column<long>(type: "bigint", nullable: false),
                    medium = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    serial = table.Column<int>(type: "integer", nullable: false),
                    kid = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    printed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qr_prints", x => x.id);
                    table.CheckConstraint("ck_qr_prints_medium", "medium IN ('Plaque', 'PackagingMark')");
                    table.CheckConstraint("ck_qr_prints_serial", "serial >= 1");
                    table.ForeignKey(
                        name: "fk_qr_prints_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_qr_prints_signing_keys_kid",
                        column: x => x.kid,
                        principalTable: "signing_keys",
                        principalColumn: "kid",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_qr_prints_certificate_id_medium_serial",
                table: "qr_prints",
                columns: new[] { "certificate_id", "medium", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_qr_prints_kid",
                table: "qr_prints",
                column: "kid");

            migrationBuilder.CreateIndex(
                name: "ix_signing_keys_body_id",
                table: "signing_keys",
                column: "body_id");

            migrationBuilder.CreateIndex(
                name: "ix_signing_keys_thumbprint",
                table: "signing_keys",
                column: "thumbprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_signing_keys_one_active_per_body",
                table: "signing_keys",
                column: "body_id",
                unique: true,
                filter: "state = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "qr_prints");

            migrationBuilder.DropTable(
                name: "signing_keys");
        }
    }
}
