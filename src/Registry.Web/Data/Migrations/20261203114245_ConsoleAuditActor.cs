using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Data.Migrations
{
    /// <summary>Audit entries of console changes name the staff member who made them.</summary>
    public partial class ConsoleAuditActor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "staff_member_id",
                table: "audit_entries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "staff_name",
                table: "audit_entries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_staff_member_id",
                table: "audit_entries",
                column: "staff_member_id");

            migrationBuilder.AddForeignKey(
                name: "fk_audit_entries_asp_net_users_staff_member_id",
                table: "audit_entries",
                column: "staff_member_id",
                principalTable: "staff_members",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_audit_entries_asp_net_users_staff_member_id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "ix_audit_entries_staff_member_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "staff_member_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "staff_name",
                table: "audit_entries");
        }
    }
}
