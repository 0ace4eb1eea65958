namespace Registry.Web.Features.Certificates.Caching;

/// <summary>Settings of the "CertificateCache" section.</summary>
public sealed class CertificateCacheOptions
{
    public const string Section = "CertificateCache";

    /// <summary>Records kept; beyond it the older half is dropped. About 2–4 KB each.</summary>
    public int Capacity { get; set; } = 100_000;

    /// <summary>How often the follower reads the outbox when no NOTIFY woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long after its last confirmed read of the outbox the cache still answers. A follower that has not
    /// confirmed within this window (lost connection, stalled) sends every look-up to PostgreSQL.
    /// </summary>
    public TimeSpan InStepWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a change's tombstone stays; a look-up that takes half of this is not stored.</summary>
    public TimeSpan TombstoneLifetime { get; set; } = TimeSpan.FromMinutes(1);
}
