using Npgsql;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>What PostgreSQL holds now for the parts of a certificate that change after issue.</summary>
public readonly record struct LiveFields(CertificateStanding Standing, DateOnly ExpiresOn, string Level, string ScopeZh, string? ScopeEn);

/// <summary>
/// The index may trail PostgreSQL by a moment; the certificates on the page shown are re-read from
/// PostgreSQL so that a result never shows a status the database no longer holds.
/// </summary>
public static class LiveStatus
{
    /// <summary>
    /// Reads the changeable fields of these certificates. Needs only their ids, so a caller can start it as soon
    /// as the page is known and load the stored records from the index while PostgreSQL answers.
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, LiveFields>> ReadAsync(NpgsqlDataSource dataSource, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(ids);
        var live = new Dictionary<long, LiveFields>(ids.Count);
        if (ids.Count == 0)
        {
            return live;
        }

        await using var command = dataSource.CreateCommand("SELECT id, standing, expires_on, level, scope_zh, scope_en FROM certificates WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            live[reader.GetInt64(0)] = new LiveFields(Enum.Parse<CertificateStanding>(reader.GetString(1)), reader.GetFieldValue<DateOnly>(2),
                reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return live;
    }

    /// <summary>The record as PostgreSQL holds it now, or null when the certificate is gone from the database.</summary>
    public static SearchRecord? Apply(SearchRecord record, IReadOnlyDictionary<long, LiveFields> live)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(live);
        return live.TryGetValue(record.CertificateId, out var now)
            ? record with { Standing = now.Standing, ExpiresOn = now.ExpiresOn, Level = now.Level, ScopeZh = now.ScopeZh, ScopeEn = now.ScopeEn }
            : null;
    }

    public static async Task<IReadOnlyList<SearchRecord>> RefreshAsync(NpgsqlDataSource dataSource, IReadOnlyList<SearchRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var live = await ReadAsync(dataSource, [.. records.Select(r => r.CertificateId)], cancellationToken);
        return [.. records.Select(r => Apply(r, live)).OfType<SearchRecord>()];
    }
}
