using System.Runtime.CompilerServices;
using Npgsql;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Indexing;

/// <summary>Reads certificates flattened for the index straight from PostgreSQL (plain SQL: this is a bulk path).</summary>
public static class SearchRecordReader
{
    private const string Select = """
        SELECT c.id, c.number, c.normalized_number, o.credit_code, o.legal_name_zh, o.former_names, o.name_en,
               b.code, b.name_zh, b.name_en, o.province_code, o.address, c.scope_zh, c.scope_en,
               c.level, c.standing, c.issued_on, c.expires_on
        FROM certificates c
        JOIN organisations o ON o.id = c.organisation_id
        JOIN certification_bodies b ON b.id = c.body_id
        """;

    public static async Task<IReadOnlyList<SearchRecord>> ByIdsAsync(NpgsqlConnection connection, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Select + " WHERE c.id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var records = new List<SearchRecord>(ids.Count);
        await foreach (var record in ReadAsync(command, cancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    /// <summary>Every certificate, streamed in id order (inside the caller's transaction, for one consistent snapshot).</summary>
    public static async IAsyncEnumerable<SearchRecord> AllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Select + " ORDER BY c.id", connection, transaction);
        await foreach (var record in ReadAsync(command, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>A random sample, for comparing the index with the database.</summary>
    public static async Task<IReadOnlyList<SearchRecord>> SampleAsync(NpgsqlConnection connection, int size, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Select + " ORDER BY random() LIMIT @size", connection);
        command.Parameters.AddWithValue("size", size);
        var records = new List<SearchRecord>(size);
        await foreach (var record in ReadAsync(command, cancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    private static async IAsyncEnumerable<SearchRecord> ReadAsync(NpgsqlCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new SearchRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetFieldValue<string[]>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8),
                reader.GetString(9),
                reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.GetString(14),
                Enum.Parse<CertificateStanding>(reader.GetString(15)),
                reader.GetFieldValue<DateOnly>(16),
                reader.GetFieldValue<DateOnly>(17));
        }
    }
}
