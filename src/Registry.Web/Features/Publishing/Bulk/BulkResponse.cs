namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>The answer to a bulk request: one result per row, in row order, and the counts.</summary>
public sealed record BulkResponse(Guid BulkId, int Rows, int Applied, int Refused, int Replayed, IReadOnlyList<BulkRowResult> Results);

/// <summary>
/// One row's outcome: <c>applied</c> (with the certificate's new version and status) or <c>refused</c> (with
/// the error code and message; the row changed nothing). Replayed rows repeat a first result.
/// </summary>
public sealed record BulkRowResult(
    int Row,
    string? Operation,
    string? Number,
    string Outcome,
    bool Replayed,
    int? Version,
    string? Status,
    string? ErrorCode,
    string? Message)
{
    public static BulkRowResult From(int row, string? operation, string? number, PublishingResult<CertificatePayload> result) => result.Succeeded
        ? new(row, operation, number, "applied", result.Replayed, result.Value.Version, result.Value.Status, null, null)
        : new(row, operation, number, "refused", result.Replayed, null, null, result.Error.Code, result.Error.Message);
}
