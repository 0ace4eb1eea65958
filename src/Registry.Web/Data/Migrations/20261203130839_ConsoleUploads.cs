using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Data.Migrations
{
    /// <summary>Bulk files uploaded in the console, kept between their preview and their confirmation, with their results.</summary>
    public partial class ConsoleUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "console_uploads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    body_id = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_by = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    preview = table.Column<string>(type: "jsonb", nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    would_apply = table.Column<int>(type: "integer", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    applied_by = table.Column<long>(type: "bigint", nullable: true),
                    applied_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    results = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_console_uploads", x => x.id);
                    table.ForeignKey(
                        name: "fk_console_uploads_asp_net_users_applied_by",
                        column: x => x.applied_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_console_uploads_asp_net_users_uploaded_by",
                        column: x => x.uploaded_by,
                        principalTable: "staff_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_console_uploads_certification_bodies_body_id",
                        column: x => x.body_id,
                        principalTable: "certification_bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_console_uploads_applied_by",
                table: "console_uploads",
                column: "applied_by");

            migrationBuilder.CreateIndex(
                name: "ix_console_uploads_body_id_uploaded_at",
                table: "console_uploads",
                columns: new[] { "body_id", "uploaded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_console_uploads_uploaded_at",
                table: "console_uploads",
                column: "uploaded_at");

            migrationBuilder.CreateIndex(
                name: "ix_console_uploads_uploaded_by",
                table: "console_uploads",
                column: "uploaded_by");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "console_uploads");
        }
    }
}
