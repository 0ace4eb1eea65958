using Npgsql;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.StatusFeed;

/// <summary>
/// Reads the outbox after a sequence, joined to what a subscriber filters on and sees. Standing and level come from
/// the outbox row (the snapshot at commit), so a relay that catches up late still reports each change as it was;
/// rows written before the payload carried them fall back to the certificate's current snapshot.
/// </summary>
public static class StatusChangeReader
{
    private const string Sql = """
        SELECT o.sequence, o.topic, c.id, c.number, c.normalized_number, b.code, org.credit_code,
               coalesce(o.payload->>'standing', c.standing), coalesce(o.payload->>'level', c.level),
               coalesce(e.kind, o.payload->>'kind'), coalesce(e.effective_on, c.last_effective_on),
               coalesce((o.payload->>'expiresOn')::date, c.expires_on), coalesce(e.reason, ''),
               coalesce(e.published_at, o.created_at)
        FROM outbox_messages o
        JOIN certificates c ON c.id = o.certificate_id
        JOIN certification_bodies b ON b.id = c.body_id
        JOIN organisations org ON org.id = c.organisation_id
        LEFT JOIN status_events e ON e.certificate_id = o.certificate_id AND e.sequence = (o.payload->>'sequence')::int
        WHERE o.sequence > @after
        ORDER BY o.sequence
        LIMIT @limit
        """;

    /// <summary>The changes after <paramref name="after"/>, and the last sequence read (other topics are skipped, not re-read).</summary>
    public static async Task<(IReadOnlyList<CertificateStatusChange> Changes, long LastSequence)> AfterAsync(
        NpgsqlConnection connection, long after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        var changes = new List<CertificateStatusChange>();
        var last = after;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            if (reader.GetString(1) != OutboxTopics.CertificateChanged
                || !Enum.TryParse<CertificateStanding>(reader.GetString(7), out var standing)
                || !Enum.TryParse<StatusEventKind>(reader.GetString(9), out var kind))
            {
                continue;
            }

            changes.Add(new CertificateStatusChange(
                last,
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6).Trim(),
                standing,
                reader.GetString(8),
                kind,
                reader.GetFieldValue<DateOnly>(10),
                reader.GetFieldValue<DateOnly>(11),
                reader.GetString(12),
                reader.GetFieldValue<DateTimeOffset>(13)));
        }

        return (changes, last);
    }
}
