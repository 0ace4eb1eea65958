using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// Applies a bulk request's rows, each in its own transaction through <see cref="PublishingCommands"/>: a refused
/// row changes nothing and stops nothing. Rows run in <see cref="BulkLimits.Lanes"/> lanes side by side, each with
/// its own database session; rows about one certificate or one holder share a lane and keep their order
/// (<see cref="BulkLanes"/>). With an idempotency key, row n is sent with the key "key/n", so a retried request
/// replays the rows that were done and applies the rest.
/// </summary>
public sealed partial class BulkPublisher(IServiceScopeFactory scopes, ILogger<BulkPublisher> logger)
{
    public async Task<BulkResponse> RunAsync(PublishingCaller caller, IReadOnlyList<PublishingRow> rows, string? idempotencyKey, CancellationToken cancellationToken)
    {
        caller = caller with { Channel = PublishingChannel.Bulk };
        var bulkId = Guid.NewGuid();
        var results = new BulkRowResult[rows.Count];
        var laneOfRow = BulkLanes.Assign(rows, BulkLimits.Lanes);
        var lanes = Enumerable.Range(0, BulkLimits.Lanes)
            .Select(lane => Enumerable.Range(0, rows.Count).Where(i => laneOfRow[i] == lane).ToList())
            .Where(lane => lane.Count > 0)
            .Select(lane => RunLaneAsync(caller, rows, lane, results, bulkId, idempotencyKey, cancellationToken));
        await Task.WhenAll(lanes);

        return new BulkResponse(bulkId, results.Length, results.Count(r => r.Outcome == "applied" && !r.Replayed), results.Count(r => r.Outcome == "refused" && !r.Replayed),
            results.Count(r => r.Replayed), results);
    }

    private async Task RunLaneAsync(PublishingCaller caller, IReadOnlyList<PublishingRow> rows, List<int> lane, BulkRowResult[] results, Guid bulkId,
        string? idempotencyKey, CancellationToken cancellationToken)
    {
        // Off the request's thread at once, so the lanes really run side by side.
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<PublishingCommands>();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();

        // One connection for the lane's rows: each row's transaction would otherwise hand it back to the pool and
        // take it again, and the pool resets a connection it is handed (a round trip per row).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var i in lane)
            {
                try
                {
                    results[i] = await ResultOfRowAsync(commands, caller, rows[i], bulkId, idempotencyKey, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // A fault, not a rule: this row fails as itself and the lane goes on, so that the answer says
                    // exactly which rows were applied. Its transaction rolled back with the exception, unless the
                    // failure came during the commit, which only the idempotency key can settle.
                    results[i] = Failed(rows[i], e);
                    await RecoverAsync(db, cancellationToken);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private BulkRowResult Failed(PublishingRow row, Exception e)
    {
        LogRowFailed(logger, e, row.RowNumber);
        var error = e is CommitOutcomeUnknownException
            ? new PublishingError(PublishingErrorCodes.OutcomeUnknown,
                "The connection to the database failed while this row was committing, so the registry cannot tell whether it was applied. Send the request again with the same Idempotency-Key: a row that was applied is replayed, not applied twice.")
            : new PublishingError(PublishingErrorCodes.RowFailed,
                "The registry could not process this row (a fault on its side, not a rule); it was not applied. The other rows are reported as they went; send this one again.");
        return BulkRowResult.Failure(row.RowNumber, row.Get(RowFields.Operation)?.ToLowerInvariant(), row.Get(RowFields.Number), error);
    }

    /// <summary>A lane's next row starts clean: nothing tracked from the failed one, and a connection that works if the database does.</summary>
    private static async Task RecoverAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            await db.Database.CloseConnectionAsync();
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The database is unreachable: the lane's next rows fail as this one did, each reported as such.
        }
    }

    [LoggerMessage(EventId = 2830, Level = LogLevel.Error, Message = "Bulk row {Row} failed; it is reported as failed and the other rows go on")]
    private static partial void LogRowFailed(ILogger logger, Exception exception, int row);

    private static async Task<BulkRowResult> ResultOfRowAsync(PublishingCommands commands, PublishingCaller caller, PublishingRow row, Guid bulkId, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var rowKey = idempotencyKey is null ? null : IdempotencyKeys.ForRow(idempotencyKey, row.RowNumber);
        var result = await RunRowAsync(commands, caller, row, rowKey, new BulkPosition(bulkId, row.RowNumber), cancellationToken);
        return BulkRowResult.From(row.RowNumber, row.Get(RowFields.Operation)?.ToLowerInvariant(), row.Get(RowFields.Number), result);
    }

    /// <summary>One row through the commands: refused (and audited) when it does not parse, else dispatched to its operation.</summary>
    internal static async Task<PublishingResult<CertificatePayload>> RunRowAsync(PublishingCommands commands, PublishingCaller caller, PublishingRow row,
        string? idempotencyKey, BulkPosition? position, CancellationToken cancellationToken)
    {
        var (operation, number, command, error) = Parse(row);
        return command is null
            ? await commands.RefuseAsync(caller, operation ?? "(none)", number, error!, idempotencyKey, position, cancellationToken)
            : await RowDispatcher.RunAsync(commands, caller, operation!, command, idempotencyKey, position, cancellationToken);
    }

    /// <summary>A row as a command, or why it is not one (a refusal of form, before any rule is asked).</summary>
    internal static (string? Operation, string? Number, object? Command, PublishingError? Error) Parse(PublishingRow row)
    {
        var operation = row.Get(RowFields.Operation)?.ToLowerInvariant();
        var (command, error) = operation is null
            ? (null, row.Problem ?? new PublishingError(PublishingErrorCodes.InvalidInput, $"{RowFields.Operation} is required."))
            : RowParser.Parse(operation, row);
        return (operation, row.Get(RowFields.Number), command, error);
    }
}
