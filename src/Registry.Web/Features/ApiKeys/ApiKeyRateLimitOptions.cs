namespace Registry.Web.Features.ApiKeys;

/// <summary>
/// The per-key token bucket (section <c>ApiKeys:RateLimit</c>). A bulk request counts once, whatever its
/// row count; callers without a valid key share a bucket per address of the same size.
/// </summary>
public sealed class ApiKeyRateLimitOptions
{
    public const string Section = "ApiKeys:RateLimit";

    /// <summary>The most requests a key can make in a burst.</summary>
    public int BurstLimit { get; set; } = 120;

    /// <summary>Requests added back to the bucket every <see cref="Period"/>.</summary>
    public int RequestsPerPeriod { get; set; } = 120;

    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);
}
