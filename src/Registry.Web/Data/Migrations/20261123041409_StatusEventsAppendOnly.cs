using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Data.Migrations
{
    /// <summary>
    /// Status events are the registry's record of what it published: the database itself refuses to
    /// change or remove one, whoever connects.
    /// </summary>
    public partial class StatusEventsAppendOnly : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_status_event_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'status events are append-only: % refused', TG_OP
                        USING ERRCODE = 'P0001', HINT = 'Publish a new status event instead.';
                END;
                $$;

                CREATE TRIGGER status_events_no_update_or_delete
                    BEFORE UPDATE OR DELETE ON status_events
                    FOR EACH ROW EXECUTE FUNCTION refuse_status_event_change();

                CREATE TRIGGER status_events_no_truncate
                    BEFORE TRUNCATE ON status_events
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_status_event_change();
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER status_events_no_truncate ON status_events;
                DROP TRIGGER status_events_no_update_or_delete ON status_events;
                DROP FUNCTION refuse_status_event_change();
                """);
        }
    }
}
