namespace Registry.Web.Features.Publishing.Bulk;

/// <summary>The answer to a bulk request: one result per row, in row order, and the counts.</summary>
public sealed record BulkResponse(Guid BulkId, int Rows, int Applied, int Refused, int Replayed, IReadOnlyList<BulkRowResult> Results)
{
    /// <summary>Rows the registry could not process (<see cref="BulkRowResult.FailedOutcome"/>): not applied, or (<c>OUTCOME_UNKNOWN</c>) perhaps applied.</summary>
    public int Failed => Results.Count(r => r.Outcome == BulkRowResult.FailedOutcome);
}

/// <summary>
/// One row's outcome: <c>applied</c> (with the certificate's new version and status), <c>refused</c> (with
/// the error code and message; the row changed nothing), or <c>failed</c>: a fault on the registry's side, not a
/// rule (<c>ROW_FAILED</c>: not applied; <c>OUTCOME_UNKNOWN</c>: the commit's answer was lost). Replayed rows
/// repeat a first result.
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
    public const string FailedOutcome = "failed";

    public static BulkRowResult Failure(int row, string? operation, string? number, PublishingError error) =>
        new(row, operation, number, FailedOutcome, false, null, null, error.Code, error.Message);

    public static BulkRowResult From(int row, string? operation, string? number, PublishingResult<CertificatePayload> result) => result.Succeeded
        ? new(row, operation, number, "applied", result.Replayed, result.Value.Version, result.Value.Status, null, null)
        : new(row, operation, number, "refused", result.Replayed, null, null, result.Error.Code, result.Error.Message);
}
