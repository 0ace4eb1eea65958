using Microsoft.EntityFrameworkCore;
using Registry.Web.Data;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// Applies a bulk request's rows, each in its own transaction through <see cref="PublishingCommands"/>: a refused
/// row changes nothing and stops nothing. Rows run in <see cref="BulkLimits.Lanes"/> lanes side by side, each with
/// its own database session; rows about one certificate or one holder share a lane and keep their order
/// (<see cref="BulkLanes"/>). With an idempotency key, row n is sent with the key "key/n", so a retried request
/// replays the rows that were done and applies the rest.
/// </summary>
internal sealed class BulkPublisher(IServiceScopeFactory scopes)
{
    public async Task<BulkResponse> RunAsync(PublishingCaller caller, IReadOnlyList<PublishingRow> rows, string? idempotencyKey, CancellationToken cancellationToken)
    {
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
                results[i] = await RunRowAsync(commands, caller, rows[i], bulkId, idempotencyKey, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<BulkRowResult> RunRowAsync(PublishingCommands commands, PublishingCaller caller, PublishingRow row, Guid bulkId, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var operation = row.Get(RowFields.Operation)?.ToLowerInvariant();
        var number = row.Get(RowFields.Number);
        var position = new BulkPosition(bulkId, row.RowNumber);
        var rowKey = idempotencyKey is null ? null : IdempotencyKeys.ForRow(idempotencyKey, row.RowNumber);
        var (command, error) = operation is null
            ? (null, row.Problem ?? new PublishingError(PublishingErrorCodes.InvalidInput, $"{RowFields.Operation} is required."))
            : RowParser.Parse(operation, row);
        var result = command is null
            ? await commands.RefuseAsync(caller, operation ?? "(none)", number, error!, rowKey, position, cancellationToken)
            : await RowDispatcher.RunAsync(commands, caller, operation!, command, rowKey, position, cancellationToken);
        return BulkRowResult.From(row.RowNumber, operation, number, result);
    }
}
