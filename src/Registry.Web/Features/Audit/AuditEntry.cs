namespace Registry.Web.Features.Audit;

/// <summary>
/// A row of <c>audit_entries</c>: one publishing operation a certification body's API key asked for, and
/// what came of it. Append-only: the database refuses UPDATE, DELETE and TRUNCATE. An entry belongs to the
/// body whose key made the call, including attempts on another body's certificate.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxMessageLength = 500;

    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public long BodyId { get; set; }

    /// <summary>The public id of the API key that made the call, or <c>console</c> for a change made in the console.</summary>
    public required string ApiKeyId { get; set; }

    /// <summary>The staff member who made a change in the console; null for API calls.</summary>
    public long? StaffMemberId { get; set; }

    /// <summary>The member's name when they made the change (a later rename does not rewrite the log).</summary>
    public string? StaffName { get; set; }

    /// <summary>The operation's stable name, e.g. <c>suspend</c> or <c>signing-key.rotate</c> (see <c>PublishingOperations</c>).</summary>
    public required string Operation { get; set; }

    /// <summary>The certificate the operation was about, folded; null for operations on signing keys.</summary>
    public string? CertificateNumber { get; set; }

    public string? SourceAddress { get; set; }

    public string? IdempotencyKey { get; set; }

    public AuditOutcome Outcome { get; set; }

    /// <summary>The stable error code of a refusal, or of the refusal a replay repeated.</summary>
    public string? ErrorCode { get; set; }

    public string? Message { get; set; }

    /// <summary>For rows of a bulk request: the request's id and the row number (1-based).</summary>
    public Guid? BulkId { get; set; }

    public int? BulkRow { get; set; }
}

public enum AuditOutcome
{
    /// <summary>The change was made.</summary>
    Applied = 1,

    /// <summary>Nothing was changed; <see cref="AuditEntry.ErrorCode"/> says why.</summary>
    Refused,

    /// <summary>A retry with a known idempotency key: the first result was returned again, nothing was changed.</summary>
    Replayed,
}
