using Npgsql;
using Registry.Domain.Lifecycle;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// The index may trail PostgreSQL by a moment; the certificates on the page shown are re-read from
/// PostgreSQL so that a result never shows a status the database no longer holds.
/// </summary>
public static class LiveStatus
{
    public static async Task<IReadOnlyList<SearchRecord>> RefreshAsync(NpgsqlDataSource dataSource, IReadOnlyList<SearchRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return records;
        }

        await using var command = dataSource.CreateCommand("SELECT id, standing, expires_on, level, scope_zh, scope_en FROM certificates WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", records.Select(r => r.CertificateId).ToArray());
        var live = new Dictionary<long, (CertificateStanding Standing, DateOnly ExpiresOn, string Level, string ScopeZh, string? ScopeEn)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                live[reader.GetInt64(0)] = (Enum.Parse<CertificateStanding>(reader.GetString(1)), reader.GetFieldValue<DateOnly>(2),
                    reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
            }
        }

        return [.. records
            .Where(r => live.ContainsKey(r.CertificateId))
            .Select(r => live[r.CertificateId] is var l
                ? r with { Standing = l.Standing, ExpiresOn = l.ExpiresOn, Level = l.Level, ScopeZh = l.ScopeZh, ScopeEn = l.ScopeEn }
                : r)];
    }
}
