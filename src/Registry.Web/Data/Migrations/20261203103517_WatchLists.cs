using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Data.Migrations
{
    /// <summary>Watch lists behind secret links (only the links' hashes are stored) and the certificates on them.</summary>
    public partial class WatchLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "watch_lists",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    view_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    edit_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_visit_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_lists", x => x.id);
                    table.CheckConstraint("ck_watch_lists_hashes", "octet_length(view_hash) = 32 AND octet_length(edit_hash) = 32");
                });

            migrationBuilder.CreateTable(
                name: "watch_list_items",
                columns: table => new
                {
                    watch_list_id = table.Column<long>(type: "bigint", nullable: false),
                    certificate_id = table.Column<long>(type: "bigint", nullable: false),
                    asked = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watch_list_items", x => new { x.watch_list_id, x.certificate_id });
                    table.ForeignKey(
                        name: "fk_watch_list_items_certificates_certificate_id",
                        column: x => x.certificate_id,
                        principalTable: "certificates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_watch_list_items_watch_lists_watch_list_id",
                        column: x => x.watch_list_id,
                        principalTable: "watch_lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_watch_list_items_certificate_id",
                table: "watch_list_items",
                column: "certificate_id");

            migrationBuilder.CreateIndex(
                name: "ix_watch_lists_edit_hash",
                table: "watch_lists",
                column: "edit_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_watch_lists_last_read_at",
                table: "watch_lists",
                column: "last_read_at");

            migrationBuilder.CreateIndex(
                name: "ix_watch_lists_view_hash",
                table: "watch_lists",
                column: "view_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "watch_list_items");

            migrationBuilder.DropTable(
                name: "watch_lists");
        }
    }
}
