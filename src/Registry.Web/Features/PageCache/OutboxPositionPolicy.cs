using Microsoft.AspNetCore.OutputCaching;
using Registry.Web.Features.Certificates.Caching;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// Makes a stale entry unreachable by construction: the cache key includes the outbox position this instance's
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

        context.CacheVaryByRules.VaryByValues[VaryKey] = certificates.AppliedSequence.ToString(CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
