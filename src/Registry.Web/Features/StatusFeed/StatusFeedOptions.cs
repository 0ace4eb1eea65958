using System.ComponentModel.DataAnnotations;

namespace Registry.Web.Features.StatusFeed;

/// <summary>The status feed's settings, bound from the "StatusFeed" section (see README.md, Configuration).</summary>
public sealed class StatusFeedOptions
{
    public const string Section = "StatusFeed";

    /// <summary>How often the leading relay reads the outbox when no NOTIFY woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an instance that is not the leader asks for the lock again; bounds the failover time.</summary>
    public TimeSpan LeaderRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Channel and key prefix; by default derived from the PostgreSQL database name, so registries can share a Redis.</summary>
    [MaxLength(100)]
    public string? Namespace { get; set; }
}
