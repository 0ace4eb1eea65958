using Npgsql;

namespace Registry.Web.Data.Outbox;

public sealed record OutboxEntry(long Sequence, long CertificateId);

/// <summary>Reads the outbox in sequence order: what every follower (search index, caches) catches up from.</summary>
public static class OutboxReader
{
    /// <summary>
    /// Channel the publisher notifies on commit; listeners still poll, so a lost notification only
    /// costs one poll interval.
    /// </summary>
    public const string Channel = OutboxTopics.NotificationChannel;

    public static async Task<IReadOnlyList<OutboxEntry>> AfterAsync(NpgsqlConnection connection, long sequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT sequence, certificate_id FROM outbox_messages WHERE sequence > @after ORDER BY sequence LIMIT @limit", connection);
        command.Parameters.AddWithValue("after", sequence);
        command.Parameters.AddWithValue("limit", limit);
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetInt64(1)));
        }

        return entries;
    }

    public static async Task<long> LastSequenceAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(sequence), 0) FROM outbox_messages", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
