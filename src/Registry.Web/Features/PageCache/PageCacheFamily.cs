namespace Registry.Web.Features.PageCache;

/// <summary>
/// What makes one kind of cached answer stale, and so what its key must carry to make a stale entry unreachable.
/// </summary>
public enum StaleWhen
{
    /// <summary>Any change in the registry (a search page, the home page): the whole registry's applied outbox position.</summary>
    AnyChange,

    /// <summary>A change to one certificate (its page): that certificate's change mark.</summary>
    CertificateChanges,

    /// <summary>A change to the certificate a scanned code names, or to the signing keys (a verdict).</summary>
    CertificateOrKeysChange,

    /// <summary>Any change, or a signing-key change (a body's page, which lists its keys).</summary>
    AnyChangeOrKeys,

    /// <summary>Only the signing keys (the JWKS): no certificate status in it.</summary>
    KeysChange,
}

/// <summary>A kind of cached answer: its policy name, its tag (evicted as one family), what makes it stale.</summary>
public sealed record PageCacheFamily(string Name, StaleWhen StaleWhen)
{
    public static readonly PageCacheFamily Home = new(PageCachePolicies.Home, StaleWhen.AnyChange);
    public static readonly PageCacheFamily Search = new(PageCachePolicies.Search, StaleWhen.AnyChange);
    public static readonly PageCacheFamily Certificate = new(PageCachePolicies.Certificate, StaleWhen.CertificateChanges);
    public static readonly PageCacheFamily Organisation = new(PageCachePolicies.Organisation, StaleWhen.AnyChange);
    public static readonly PageCacheFamily Body = new(PageCachePolicies.Body, StaleWhen.AnyChangeOrKeys);
    public static readonly PageCacheFamily Verdict = new(PageCachePolicies.Verdict, StaleWhen.CertificateOrKeysChange);
    public static readonly PageCacheFamily Keys = new(PageCachePolicies.Keys, StaleWhen.KeysChange);
    public static readonly PageCacheFamily GraphQL = new(PageCachePolicies.GraphQL, StaleWhen.AnyChange);

    public static IReadOnlyList<PageCacheFamily> All { get; } = [Home, Search, Certificate, Organisation, Body, Verdict, Keys, GraphQL];

    /// <summary>Whether a certificate's status shows in it: such an entry is bounded by the status lifetime and skipped while the certificate cache is out of step.</summary>
    public bool BearsStatus => StaleWhen != StaleWhen.KeysChange;
}

/// <summary>The output-cache policy names, one per family (<c>[OutputCache(PolicyName = …)]</c> needs constants).</summary>
public static class PageCachePolicies
{
    public const string Home = "home";
    public const string Search = "search";
    public const string Certificate = "certificate";
    public const string Organisation = "organisation";
    public const string Body = "body";
    public const string Verdict = "verdict";
    public const string Keys = "jwks";
    public const string GraphQL = "graphql";
}

/// <summary>The tags entries carry, so that a change evicts what it touched (see <see cref="PageCacheEvictionFollower"/>).</summary>
public static class PageCacheTags
{
    public static string Certificate(string normalizedNumber) => "certificate:" + normalizedNumber;

    public static string Organisation(string creditCode) => "organisation:" + creditCode;

    public static string Body(string code) => "body:" + code.ToUpperInvariant();

    /// <summary>Keeps the answer being produced out of the cache (an error, a page of its own kind).</summary>
    public static void DoNotStore(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>()?.Context is { } context)
        {
            context.AllowCacheStorage = false;
        }
    }

    /// <summary>Tags the answer being produced (no-op when it is not being cached).</summary>
    public static void Add(HttpContext http, string tag)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>()?.Context is { } context)
        {
            context.Tags.Add(tag);
        }
    }
}
