using System.ComponentModel.DataAnnotations;
using Registry.Web.Features.RateLimits;

namespace Registry.Web.Features.GraphQL;

/// <summary>The GraphQL API's limits, bound from the "GraphQL" section; README.md in this folder explains each.</summary>
public sealed class GraphQLApiOptions
{
    public const string Section = "GraphQL";

    /// <summary>Largest request an anonymous caller may send: a POST body, or a GET query text.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Largest request a certification body (a valid API key) may send: room for a 10,000-row bulkPublish.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxAuthenticatedRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Longest answer an anonymous caller gets; a longer one is replaced by RESPONSE_TOO_LARGE.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Longest answer a certification body gets (a 10,000-row bulkPublish answers with a few MiB).</summary>
    [Range(64 * 1024, 1024 * 1024 * 1024)]
    public int MaxAuthenticatedResponseBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Deepest nesting of selections in an operation (introspection fields not counted).</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 10;

    /// <summary>Highest estimated cost of an operation; lists multiply their children by their page size.</summary>
    [Range(1, 10_000_000)]
    public int MaxComplexity { get; set; } = 5000;

    [Required]
    public RateLimitOptions AnonymousRateLimit { get; set; } = new();

    /// <summary>Limits of graphql-transport-ws connections (subscriptions).</summary>
    [Required]
    public Transport.WebSockets.TransportWsOptions WebSocket { get; set; } = new();
}
