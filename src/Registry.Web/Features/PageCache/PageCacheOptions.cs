using Npgsql;

namespace Registry.Web.Features.PageCache;

/// <summary>Settings under <c>PageCache</c>.</summary>
public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    public static readonly TimeSpan DefaultStatusLifetime = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest any status-bearing entry lives, whatever its key: the second line of defence behind the
    /// outbox position in the key (README.md, "How fresh").
    /// </summary>
    public TimeSpan StatusLifetime { get; set; } = DefaultStatusLifetime;

    /// <summary>False keeps nothing (every answer rendered fresh): for comparing cached with uncached in one benchmark run.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// False leaves entries to expire rather than evicting them after a change: freshness does not depend on eviction
    /// (the keys move on), which the two-instance test shows by turning it off.
    /// </summary>
    public bool Eviction { get; set; } = true;

    /// <summary>The key prefix's middle part: the PostgreSQL database name, so registries can share a Redis (as the status feed does).</summary>
    public static string NamespaceOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connection = configuration.GetConnectionString("Registry");
        return string.IsNullOrWhiteSpace(connection) ? "registry" : new NpgsqlConnectionStringBuilder(connection).Database ?? "registry";
    }
}
