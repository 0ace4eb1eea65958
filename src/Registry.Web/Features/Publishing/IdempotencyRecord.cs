namespace Registry.Web.Features.Publishing;

/// <summary>
/// A row of <c>idempotency_records</c>: the first result of a call made with an idempotency key, kept so that
/// a retry with the same key and the same request gets it again instead of applying twice. Unique per body
/// and key; written in the transaction that made the change.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    public long BodyId { get; set; }

    public required string Key { get; set; }

    public required string Operation { get; set; }

    /// <summary>SHA-256 of the operation and its request (see <see cref="IdempotencyKeys.RequestHash"/>).</summary>
    public required byte[] RequestHash { get; set; }

    /// <summary>The key that made the first call (any key of the same body may retry it).</summary>
    public required string ApiKeyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The success payload as JSON; null for a refusal.</summary>
    public string? Result { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }
}
