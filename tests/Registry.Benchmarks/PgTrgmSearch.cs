using Npgsql;
using NpgsqlTypes;
using Registry.Domain.Time;

namespace Registry.Benchmarks;

public readonly record struct SqlResult(long TotalHits, int PageHits, int FacetValues);

/// <summary>
/// The same questions asked of PostgreSQL the way a team without a search engine would: pg_trgm's GIN index on
/// the legal name for = and LIKE '%…%', similarity() for ranking, the existing unique index for numbers (folded
/// in code first, as the site does), and GROUP BY for facet counts. One round trip per search, like the site's.
/// </summary>
public sealed class PgTrgmSearch(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int PageSize = 20;

    private const string Columns = "c.id, c.number, o.legal_name_zh, c.standing, c.expires_on, c.level, count(*) OVER () AS total";

    private const string From = "FROM organisations o JOIN certificates c ON c.organisation_id = o.id";

    public const string NameSql = $"""
        SELECT {Columns}
        {From}
        WHERE o.legal_name_zh = @q
        ORDER BY c.id
        LIMIT {PageSizeText}
        """;

    public const string PartialSql = $"""
        SELECT {Columns}
        {From}
        WHERE o.legal_name_zh LIKE '%' || @q || '%'
        ORDER BY similarity(o.legal_name_zh, @q) DESC, c.id
        LIMIT {PageSizeText}
        """;

    public const string NumberSql = $"""
        SELECT {Columns}
        {From}
        WHERE c.normalized_number = @q
        ORDER BY c.id
        LIMIT {PageSizeText}
        """;

    /// <summary>The matches once (materialised), then the page and every facet's counts from them.</summary>
    public const string FilteredSql = $"""
        WITH m AS MATERIALIZED (
            SELECT c.id, c.number, o.legal_name_zh, c.standing, c.expires_on, c.level, c.body_id, o.province_code
            {From}
            WHERE o.legal_name_zh LIKE '%' || @q || '%'
              AND o.province_code = @province
              AND c.standing = 'Valid' AND c.expires_on >= @today
        )
        (SELECT 'hit' AS facet, m.number || ' ' || m.legal_name_zh AS value, 1::bigint AS n
         FROM m ORDER BY similarity(m.legal_name_zh, @q) DESC, m.id LIMIT {PageSizeText})
        UNION ALL SELECT 'total', '', count(*) FROM m
        UNION ALL SELECT 'level', m.level, count(*) FROM m GROUP BY m.level
        UNION ALL SELECT 'body', m.body_id::text, count(*) FROM m GROUP BY m.body_id
        UNION ALL SELECT 'province', m.province_code, count(*) FROM m GROUP BY m.province_code
        UNION ALL SELECT 'status', s.status, count(*) FROM m
            CROSS JOIN LATERAL (SELECT CASE
                WHEN m.standing IN ('Withdrawn', 'Cancelled') THEN m.standing
                WHEN m.expires_on < @today THEN 'Expired'
                ELSE m.standing END AS status) s
            GROUP BY s.status
        """;

    private const string PageSizeText = "20";

    public static string SqlFor(BenchKind kind) => kind switch
    {
        BenchKind.Name => NameSql,
        BenchKind.Partial2 or BenchKind.Partial3 => PartialSql,
        BenchKind.Number => NumberSql,
        BenchKind.Filtered => FilteredSql,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public async Task<SqlResult> SearchAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = Command(query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (query.Kind == BenchKind.Filtered)
        {
            long total = 0;
            int hits = 0, facets = 0;
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetString(0))
                {
                    case "hit": hits++; break;
                    case "total": total = reader.GetInt64(2); break;
                    default: facets++; break;
                }
            }

            return new SqlResult(total, hits, facets);
        }

        long count = 0;
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            rows++;
            count = reader.GetInt64(6);
        }

        return new SqlResult(count, rows, 0);
    }

    /// <summary>The plan PostgreSQL picks for a query (EXPLAIN without ANALYZE), for the report.</summary>
    public async Task<string> ExplainAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = Command(query);
        command.CommandText = "EXPLAIN (COSTS OFF) " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private NpgsqlCommand Command(BenchQuery query)
    {
        var command = dataSource.CreateCommand(SqlFor(query.Kind));
        command.Parameters.Add(new NpgsqlParameter("q", NpgsqlDbType.Text) { Value = query.SqlText });
        if (query.Kind == BenchKind.Filtered)
        {
            command.Parameters.Add(new NpgsqlParameter("province", NpgsqlDbType.Char) { Value = query.Province! });
            command.Parameters.Add(new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = RegistryCalendar.DateOf(clock.GetUtcNow()) });
        }

        return command;
    }
}
