namespace Registry.Web.Features.Publishing;

/// <summary>How long a first result is kept for retries with its idempotency key (section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// A retry later than this applies again, as a new call. A week outlasts any client's retry loop and any
    /// outage worth retrying through, and keeps the table to one week of writes.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each instance deletes records past their retention.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);
}
