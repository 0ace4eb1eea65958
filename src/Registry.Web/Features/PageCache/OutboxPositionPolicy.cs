using Microsoft.AspNetCore.OutputCaching;
using Registry.Web.Features.Certificates.Caching;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// The key of a status-bearing entry: the query as sent, the language, and what makes a stale entry unreachable by construction: the cache key includes the outbox position this instance's
/// certificate cache has applied, read from memory the outbox follower keeps in step. Once a change's message is
/// applied (within milliseconds of its commit, on NOTIFY), every key moves on and entries rendered before it are never
/// found again, on this instance or any other, whatever became of their eviction. While the certificate cache is
/// out of step (its follower cut off from PostgreSQL), nothing is looked up or stored: pages are rendered fresh.
/// </summary>
internal sealed class OutboxPositionPolicy(CertificateRecordCache certificates) : IOutputCachePolicy
{
    public const string VaryKey = "outbox";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!certificates.InStep)
        {
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        var vary = context.CacheVaryByRules.VaryByValues;
        vary[VaryKey] = certificates.AppliedSequence.ToString(CultureInfo.InvariantCulture);

        // The query exactly as sent, not a normalised one: a page links its own query back (the language switch),
        // so two orders of the same parameters are two entries. And the page's language (?lang= or its cookie).
        // ASP.NET's default rule (every query key) is dropped: it sorts each parameter's values in place, which reorders
        // Request.Query for the page itself.
        context.CacheVaryByRules.QueryKeys = Microsoft.Extensions.Primitives.StringValues.Empty;
        vary["query"] = context.HttpContext.Request.QueryString.Value ?? string.Empty;
        vary["lang"] = CultureInfo.CurrentUICulture.Name;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
