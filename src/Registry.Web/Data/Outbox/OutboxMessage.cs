namespace Registry.Web.Data.Outbox;

/// <summary>
/// A change waiting to reach the search index and caches. Written in the transaction that made the
/// change; consumers read rows in <see cref="Sequence"/> order and remember the last one they applied.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }

    public required string Topic { get; init; }

    public long CertificateId { get; init; }

    public required string CertificateNumber { get; init; }

    /// <summary>JSON describing the change, for consumers that need more than the certificate id.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
