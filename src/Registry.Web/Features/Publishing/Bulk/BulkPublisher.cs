using Microsoft.EntityFrameworkCore;
using Registry.Web.Data;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// Applies a bulk request's rows one after another, each in its own transaction through
/// <see cref="PublishingCommands"/>: a refused row changes nothing and stops nothing. With an idempotency
/// key, row n is sent with the key "key/n", so a retried request replays the rows that were done and applies
/// the rest.
/// </summary>
internal sealed class BulkPublisher(PublishingCommands commands, RegistryDbContext db)
{
    public async Task<BulkResponse> RunAsync(PublishingCaller caller, IReadOnlyList<PublishingRow> rows, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var bulkId = Guid.NewGuid();
        var results = new List<BulkRowResult>(rows.Count);

        // One connection for every row: each row's transaction would otherwise hand it back to the pool and
        // take it again, and the pool resets a connection it is handed (a round trip per row).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var row in rows)
            {
                results.Add(await RunRowAsync(caller, row, bulkId, idempotencyKey, cancellationToken));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new BulkResponse(bulkId, results.Count, results.Count(r => r.Outcome == "applied" && !r.Replayed), results.Count(r => r.Outcome == "refused" && !r.Replayed),
            results.Count(r => r.Replayed), results);
    }

    private async Task<BulkRowResult> RunRowAsync(PublishingCaller caller, PublishingRow row, Guid bulkId, string? idempotencyKey, CancellationToken cancellationToken)
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
