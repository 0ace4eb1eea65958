namespace Registry.Web.Features.Audit;

/// <summary>
/// A body's question to its own audit log: optionally one certificate and a time range [From, To), newest
/// first, at most <see cref="Limit"/> entries after the cursor <see cref="Before"/> (an entry id).
/// </summary>
public sealed record AuditQuery(string? CertificateNumber = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = AuditQuery.DefaultLimit, long? Before = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

/// <summary>What a body sees of one of its entries.</summary>
public sealed record AuditEntryView(
    long Id,
    DateTimeOffset OccurredAt,
    string ApiKeyId,
    string Operation,
    string? CertificateNumber,
    string? SourceAddress,
    string? IdempotencyKey,
    string Outcome,
    string? ErrorCode,
    string? Message,
    Guid? BulkId,
    int? BulkRow)
{
    /// <summary>The staff member who made a console change; null for API calls.</summary>
    public string? StaffName { get; init; }
}

/// <summary>One page, newest first; <see cref="NextBefore"/> asks for the next (older) page, null at the end.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntryView> Entries, long? NextBefore);
