using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Data.Migrations
{
    /// <summary>
    /// The registry's receipt keys (signing keys with no body) and the receipts they sign. A receipt is evidence
    /// handed to someone else: the database refuses to change or remove one, whoever connects.
    /// </summary>
    public partial class ReceiptKeysAndReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "body_id",
                table: "signing_keys",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kid = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    row_count = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => x.id);
                    table.CheckConstraint("ck_receipts_id", "id ~ '^[a-z2-7]{26}$'");
                    table.CheckConstraint("ck_receipts_kind", "kind IN ('check', 'certificate', 'verification')");
                    table.CheckConstraint("ck_receipts_rows", "row_count >= 1");
                    table.ForeignKey(
                        name: "fk_receipts_signing_keys_kid",
                        column: x => x.kid,
                        principalTable: "signing_keys",
                        principalColumn: "kid",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_signing_keys_one_active_receipt_key",
                table: "signing_keys",
                column: "state",
                unique: true,
                filter: "state = 'Active' AND body_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_receipts_kid",
                table: "receipts",
                column: "kid");

            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_receipt_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'receipts are append-only: % refused', TG_OP
                        USING ERRCODE = 'P0001', HINT = 'A receipt handed out is never changed or removed.';
                END;
                $$;

                CREATE TRIGGER receipts_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON receipts
                    FOR EACH ROW EXECUTE FUNCTION refuse_receipt_change();

                CREATE TRIGGER receipts_no_truncate
                    BEFORE TRUNCATE ON receipts
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_receipt_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER receipts_no_truncate ON receipts;
                DROP TRIGGER receipts_no_update_or_delete ON receipts;
                DROP FUNCTION refuse_receipt_change();
                """);

            migrationBuilder.DropTable(
                name: "receipts");

            migrationBuilder.DropIndex(
                name: "ux_signing_keys_one_active_receipt_key",
                table: "signing_keys");

            migrationBuilder.AlterColumn<long>(
                name: "body_id",
                table: "signing_keys",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
