using System.Diagnostics;
using Npgsql;

namespace Registry.Benchmarks;

public sealed record TrigramIndexReport(string Name, string Definition, bool Created, TimeSpan? CreationTime, long SizeBytes);

public sealed record DatabaseReport(
    string Database,
    string ServerVersion,
    long Certificates,
    long Organisations,
    string SharedBuffers,
    string WorkMem,
    long DatabaseSizeBytes,
    IReadOnlyList<TrigramIndexReport> TrigramIndexes);

/// <summary>
/// What a team without a search engine would do: pg_trgm and a GIN trigram index on the legal name, so that
/// <c>LIKE '%part%'</c> and <c>=</c> can use an index. Created once, kept (they only cost disk and write time).
/// </summary>
public static class PostgresSetup
{
    public const string NameIndex = "ix_bench_organisations_legal_name_zh_trgm";

    private static readonly (string Name, string Table, string Definition)[] Indexes =
    [
        (NameIndex, "organisations", "USING gin (legal_name_zh gin_trgm_ops)"),
    ];

    public static async Task<DatabaseReport> EnsureAsync(NpgsqlDataSource dataSource, bool recreate, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm", cancellationToken);
        // What anyone building a large GIN index would set for their session; the server default (64 MB) only makes it slower.
        await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'", cancellationToken);

        var reports = new List<TrigramIndexReport>();
        foreach (var (name, table, definition) in Indexes)
        {
            var exists = await ScalarAsync<bool>(connection, $"SELECT to_regclass('{name}') IS NOT NULL", cancellationToken);
            if (exists && recreate)
            {
                await ExecuteAsync(connection, $"DROP INDEX {name}", cancellationToken);
                exists = false;
            }

            TimeSpan? took = null;
            if (!exists)
            {
                Console.WriteLine($"Creating {name} on {table} {definition} ...");
                var stopwatch = Stopwatch.StartNew();
                await ExecuteAsync(connection, $"CREATE INDEX {name} ON {table} {definition}", cancellationToken);
                took = stopwatch.Elapsed;
                await ExecuteAsync(connection, $"ANALYZE {table}", cancellationToken);
                Console.WriteLine($"  created in {took.Value.TotalSeconds:0.0} s");
            }

            var size = await ScalarAsync<long>(connection, $"SELECT pg_relation_size('{name}')", cancellationToken);
            reports.Add(new TrigramIndexReport(name, $"{table} {definition}", !exists, took, size));
        }

        // Fresh statistics for the planner (cheap; the seeded tables may never have been analysed).
        await ExecuteAsync(connection, "ANALYZE certificates", cancellationToken);
        await ExecuteAsync(connection, "ANALYZE organisations", cancellationToken);

        return new DatabaseReport(
            connection.Database,
            connection.PostgreSqlVersion.ToString(),
            await ScalarAsync<long>(connection, "SELECT count(*) FROM certificates", cancellationToken),
            await ScalarAsync<long>(connection, "SELECT count(*) FROM organisations", cancellationToken),
            await ScalarAsync<string>(connection, "SHOW shared_buffers", cancellationToken),
            await ScalarAsync<string>(connection, "SHOW work_mem", cancellationToken),
            await ScalarAsync<long>(connection, "SELECT pg_database_size(current_database())", cancellationToken),
            reports);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
