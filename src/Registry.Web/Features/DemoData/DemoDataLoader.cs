using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Registry.Web.Features.DemoData;

/// <summary>What to load: how many certificates, from which seed, as of which instant.</summary>
internal sealed record DemoLoadRequest(int Count, int Seed, DateTimeOffset AsOf, int BatchSize = DemoDataGenerator.DefaultBatchSize);

internal enum DemoLoadStatus
{
    Loaded,
    /// <summary>The registry already holds certificates; seeding merges nothing.</summary>
    NotEmpty,
    /// <summary>No certificates, but demo bodies (codes DEMO01…) are already registered.</summary>
    DemoBodiesPresent,
}

/// <summary>Counts of what a load wrote; <see cref="ByStatus"/> is the status each certificate shows on the as-of date.</summary>
internal sealed record DemoLoadTotals(
    int Bodies,
    long Organisations,
    long Certificates,
    long StatusEvents,
    IReadOnlyDictionary<CertificateStatus, long> ByStatus,
    long Reinstated,
    long DataSetId);

internal sealed record DemoLoadResult(DemoLoadStatus Status, long ExistingCertificates, DemoLoadTotals? Totals);

/// <summary>
/// Loads a generated data set with Npgsql binary COPY, in ONE transaction: bodies, then per batch the
/// organisations, certificates and status events, then the identity sequences and the data_sets row. A
/// load that fails or is cancelled rolls back and leaves nothing behind. Generation runs on another thread
/// one or two batches ahead of COPY, so the two cores share the work, and no more than a few batches are
/// ever held in memory.
/// <para>
/// No outbox rows are written: the outbox tells the search index about single changes, and after a bulk
/// load the index is rebuilt from the tables instead of replaying a million messages.
/// </para>
/// </summary>
internal sealed class DemoDataLoader(NpgsqlDataSource dataSource)
{
    /// <summary>The tables a load writes; they must exist (the database must be migrated).</summary>
    public static IReadOnlyList<string> Tables { get; } = ["certification_bodies", "organisations", "certificates", "status_events", "data_sets"];

    private static readonly string[] IdentityTables = ["certification_bodies", "organisations", "certificates", "status_events"];
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<string>> MissingTablesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT t FROM unnest(@tables) AS t WHERE to_regclass(quote_ident(t)) IS NULL");
        command.Parameters.AddWithValue("tables", Tables.ToArray());
        var missing = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }

    public async Task<long> CountCertificatesAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM certificates");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <param name="progress">Called after each batch with the number of certificates written so far.</param>
    public async Task<DemoLoadResult> LoadAsync(DemoLoadRequest request, Action<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Count, 1);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Hold writers off until the load commits, and look at emptiness under the lock.
        await ExecuteAsync(connection, transaction,
            "LOCK TABLE certification_bodies, organisations, certificates, status_events, data_sets IN EXCLUSIVE MODE", cancellationToken);
        var existing = await ScalarAsync<long>(connection, transaction, "SELECT count(*) FROM certificates", cancellationToken);
        if (existing > 0)
        {
            return new DemoLoadResult(DemoLoadStatus.NotEmpty, existing, null);
        }

        if (await DemoBodiesPresentAsync(connection, transaction, cancellationToken))
        {
            return new DemoLoadResult(DemoLoadStatus.DemoBodiesPresent, 0, null);
        }

        var generator = new DemoDataGenerator(request.Seed, request.AsOf, await IdBaseAsync(connection, transaction, cancellationToken));
        await using (var importer = await BeginCopyAsync(connection, DemoCopyWriter.Bodies, cancellationToken))
        {
            DemoCopyWriter.WriteBodies(importer, generator.Bodies);
            await importer.CompleteAsync(cancellationToken);
        }

        var tally = await CopyBatchesAsync(connection, generator, request, progress, cancellationToken);
        foreach (var table in IdentityTables)
        {
            // Ids were written explicitly; move each identity past them so later inserts get fresh ids.
            await ExecuteAsync(connection, transaction,
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))", cancellationToken);
        }

        var dataSetId = await InsertDataSetAsync(connection, transaction, request, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Fresh statistics so that the first queries after a big load get sensible plans.
        await ExecuteAsync(connection, null, "ANALYZE certification_bodies, organisations, certificates, status_events", cancellationToken);
        return new DemoLoadResult(DemoLoadStatus.Loaded, 0, tally.ToTotals(generator.Bodies.Count, dataSetId));
    }

    private static async Task<Tally> CopyBatchesAsync(
        NpgsqlConnection connection, DemoDataGenerator generator, DemoLoadRequest request, Action<long>? progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<DemoBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (var batch in generator.Generate(request.Count, request.BatchSize))
                    {
                        await channel.Writer.WriteAsync(batch, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception ex)
                {
                    channel.Writer.TryComplete(ex);
                }
            },
            CancellationToken.None);

        var tally = new Tally();
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                await CopyAsync(connection, DemoCopyWriter.Organisations, i => DemoCopyWriter.WriteOrganisations(i, batch.Organisations), cancellationToken);
                await CopyAsync(connection, DemoCopyWriter.Certificates, i => DemoCopyWriter.WriteCertificates(i, batch.Certificates), cancellationToken);
                await CopyAsync(connection, DemoCopyWriter.StatusEvents, i => DemoCopyWriter.WriteStatusEvents(i, batch.Certificates), cancellationToken);
                tally.Add(batch);
                progress?.Invoke(tally.Certificates);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }

        return tally;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, Action<NpgsqlBinaryImporter> write, CancellationToken cancellationToken)
    {
        await using var importer = await BeginCopyAsync(connection, copy, cancellationToken);
        write(importer);
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task<NpgsqlBinaryImporter> BeginCopyAsync(NpgsqlConnection connection, string copy, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        importer.Timeout = CopyTimeout;
        return importer;
    }

    private static async Task<bool> DemoBodiesPresentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM certification_bodies WHERE code = ANY(@codes) OR approval_number = ANY(@approvals))",
            connection, transaction);
        command.Parameters.AddWithValue("codes", DemoBodies.All.Select(b => b.Code).ToArray());
        command.Parameters.AddWithValue("approvals", DemoBodies.All.Select(b => b.ApprovalNumber).ToArray());
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<DemoIdBase> IdBaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Bodies or organisations entered by hand may exist without certificates: continue after their ids.
        await using var command = new NpgsqlCommand(
            """
            SELECT (SELECT coalesce(max(id), 0) FROM certification_bodies),
                   (SELECT coalesce(max(id), 0) FROM organisations),
                   (SELECT coalesce(max(id), 0) FROM certificates),
                   (SELECT coalesce(max(id), 0) FROM status_events)
            """,
            connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DemoIdBase(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static async Task<long> InsertDataSetAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DemoLoadRequest request, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO data_sets (kind, is_demo, seed, certificate_count, loaded_at, description)
            VALUES ('demo', TRUE, @seed, @count, @loaded_at, @description)
            RETURNING id
            """,
            connection, transaction);
        command.Parameters.AddWithValue("seed", request.Seed);
        command.Parameters.AddWithValue("count", request.Count);
        command.Parameters.AddWithValue("loaded_at", NpgsqlDbType.TimestampTz, request.AsOf.ToUniversalTime());
        command.Parameters.AddWithValue("description", Description(request));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static string Description(DemoLoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = RegistryCalendar.DateOf(request.AsOf);
        return string.Create(CultureInfo.InvariantCulture,
            $"DEMO — fictional data: {request.Count:N0} generated certificates (seed {request.Seed}, as of {asOf:yyyy-MM-dd}). Every company, certification body, certificate and status change in it is invented; none is a real certification.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Running counts of what was written, by status on the as-of date.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<CertificateStatus, long> _byStatus = [];

        public long Organisations { get; private set; }

        public long Certificates { get; private set; }

        public long StatusEvents { get; private set; }

        public long Reinstated { get; private set; }

        public void Add(DemoBatch batch)
        {
            Organisations += batch.Organisations.Count;
            Certificates += batch.Certificates.Count;
            foreach (var c in batch.Certificates)
            {
                StatusEvents += c.Certificate.EventCount;
                _byStatus[c.StatusAsOf] = _byStatus.GetValueOrDefault(c.StatusAsOf) + 1;
                if (c.Outcome == DemoOutcome.Reinstated)
                {
                    Reinstated++;
                }
            }
        }

        public DemoLoadTotals ToTotals(int bodies, long dataSetId) =>
            new(bodies, Organisations, Certificates, StatusEvents, _byStatus, Reinstated, dataSetId);
    }
}
