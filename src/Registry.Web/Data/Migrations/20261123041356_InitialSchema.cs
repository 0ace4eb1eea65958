using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certification_bodies",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    approval_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certification_bodies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_sets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    seed = table.Column<int>(type: "integer", nullable: true),
                    certificate_count = table.Column<int>(type: "integer", nullable: false),
                    loaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    legal_name_zh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    former_names = table.Column<List<string>>(type: "text[]", nullable: false),
                    name_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false),
                    province_code = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    division_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    topic = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    certificate_id = table.Column<long>(type: "bigint", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    normalized_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    scheme_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    body_id = table.Column<long>(type: "bigint", nullable: false),
                    organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    standing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    total_score = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: false),
                    scope_zh = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    scope_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    last_effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    event_count = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificates", x => x.id);
                    table.CheckConstraint("ck_certificates_expiry_after_issue", "expires_on > issued_on");
                    table.CheckConstraint("ck_certificates_total_score", "total_score >= 0 AND total_score <= 100");
                    table.ForeignKey(
                        name: "fk_certificates_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "certification_bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_certificates_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "status_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    certificate_id = table.Column<long>(type: "bigint", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    total_score = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    service_system_score = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    commodity_service_score = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    customer_service_score = table.Column<decimal>(type: "numeric(4,1)", precision: 4, scale: 1, nullable: true),
                    scope_zh = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    scope_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_events", x => x.id);
                    table.CheckConstraint("ck_status_events_sequence_positive", "sequence > 0");
                    table.ForeignKey(
                        name: "fk_status_events_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_body_id_standing",
                table: "certificates",
                columns: new[] { "body_id", "standing" });

            migrationBuilder.CreateIndex(
                name: "ix_certificates_normalized_number",
                table: "certificates",
                column: "normalized_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_number",
                table: "certificates",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certificates_organisation_id",
                table: "certificates",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_certificates_standing_expires_on",
                table: "certificates",
                columns: new[] { "standing", "expires_on" });

            migrationBuilder.CreateIndex(
                name: "ix_certification_bodies_approval_number",
                table: "certification_bodies",
                column: "approval_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_certification_bodies_code",
                table: "certification_bodies",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_credit_code",
                table: "organisations",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_province_code",
                table: "organisations",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_certificate_id",
                table: "outbox_messages",
                column: "certificate_id");

            migrationBuilder.CreateIndex(
                name: "ix_status_events_certificate_id_sequence",
                table: "status_events",
                columns: new[] { "certificate_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_status_events_published_at",
                table: "status_events",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_sets");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "status_events");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "certification_bodies");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
