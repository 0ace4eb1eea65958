using Npgsql;

namespace Registry.Web.Tests.Data;

/// <summary>The database itself, not the application, keeps published history from being rewritten.</summary>
public sealed class AppendOnlyStatusEventsTests(RegistryDatabase database)
{
    private readonly TestRegistry _registry = new(database);

    [Theory]
    [InlineData("UPDATE status_events SET reason = 'rewritten' WHERE certificate_id = {0}", "UPDATE")]
    [InlineData("UPDATE status_events SET effective_on = effective_on - 30 WHERE certificate_id = {0}", "UPDATE")]
    [InlineData("DELETE FROM status_events WHERE certificate_id = {0}", "DELETE")]
    [InlineData("TRUNCATE status_events CASCADE", "TRUNCATE")]
    public async Task Changing_or_removing_a_status_event_fails_in_the_database(string sql, string operation)
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 6, 1));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, certificate.Id), connection);

        var refusal = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        refusal.MessageText.ShouldBe($"status events are append-only: {operation} refused");
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM status_events WHERE certificate_id = {certificate.Id} AND kind = 'Issued' AND effective_on = DATE '2025-06-01' AND reason = ''", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task Appending_a_status_event_is_allowed()
    {
        var (certificate, _) = await _registry.IssueAsync(new DateOnly(2025, 6, 2));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO status_events (certificate_id, sequence, kind, effective_on, published_at, reason, actor)
            VALUES ({certificate.Id}, 2, 'Suspended', DATE '2025-07-01', now(), 'Direct insert', 'test')
            """, connection);

        (await insert.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
