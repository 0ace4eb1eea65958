using System.ComponentModel.DataAnnotations;

namespace Registry.Web.Features.RateLimits;

/// <summary>A fixed window of permits per caller partition.</summary>
public sealed class RateLimitOptions
{
    [Range(1, 10_000_000)]
    public int PermitLimit { get; set; } = 300;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The rate limits' settings (section <c>RateLimits</c>): the anonymous limits of the site's paths, per caller (<see cref="CallerPartition"/>),
/// shared by every instance through Redis. GraphQL's are <c>GraphQL:AnonymousRateLimit</c>, API keys' <c>ApiKeys:RateLimit</c>.
/// README.md in this folder gives the reasons for each number.
/// </summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    /// <summary>The prefix of the counters in Redis; unset, the registry's namespace (its database's name), so that instances of one registry share them.</summary>
    public string? Namespace { get; set; }

    /// <summary>Pages: home, certificate, organisation and body pages, and anything else without its own limit.</summary>
    [Required]
    public RateLimitOptions Pages { get; set; } = new() { PermitLimit = 600 };

    /// <summary>The search page: every search reads the index and re-reads its page's status from PostgreSQL.</summary>
    [Required]
    public RateLimitOptions Search { get; set; } = new() { PermitLimit = 120 };

    /// <summary>Type-ahead suggestions: one per keystroke, answered from memory.</summary>
    [Required]
    public RateLimitOptions Suggestions { get; set; } = new() { PermitLimit = 600 };

    /// <summary>Scans: the /v/ page, the verify page and /api/verify.</summary>
    [Required]
    public RateLimitOptions Verify { get; set; } = new() { PermitLimit = 300 };

    /// <summary>Pictures to decode (/api/verify/image, the upload form): each costs a decode of up to several megapixels.</summary>
    [Required]
    public RateLimitOptions Uploads { get; set; } = new() { PermitLimit = 20 };

    /// <summary>Bulk checks and receipts (POST /check, /api/check, /receipts): each answers up to a thousand rows.</summary>
    [Required]
    public RateLimitOptions Checks { get; set; } = new() { PermitLimit = 20 };
}
