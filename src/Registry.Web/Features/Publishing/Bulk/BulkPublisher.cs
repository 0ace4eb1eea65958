using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>
/// Applies a bulk request's rows one after another, each in its own transaction through
/// <see cref="PublishingCommands"/>: a refused row changes nothing and stops nothing. With an idempotency
/// key, row n is sent with the key "key/n", so a retried request replays the rows that were done and applies
/// the rest.
/// </summary>
internal sealed class BulkPublisher(PublishingCommands commands)
{
    public async Task<BulkResponse> RunAsync(PublishingCaller caller, IReadOnlyList<PublishingRow> rows, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var bulkId = Guid.NewGuid();
        var results = new List<BulkRowResult>(rows.Count);
        foreach (var row in rows)
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
            results.Add(BulkRowResult.From(row.RowNumber, operation, number, result));
        }

        return new BulkResponse(bulkId, results.Count, results.Count(r => r.Outcome == "applied" && !r.Replayed), results.Count(r => r.Outcome == "refused" && !r.Replayed),
            results.Count(r => r.Replayed), results);
    }
}
