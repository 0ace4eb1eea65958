using Microsoft.Extensions.Caching.Memory;

namespace Registry.Web.Features.Site;

/// <summary>Whether the registry holds demo data, so every page can say so; checked once a minute.</summary>
public sealed class DemoDataNotice(RegistryDbContext db, IMemoryCache cache)
{
    private static readonly object CacheKey = new();

    public async Task<bool> IsShownAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await cache.GetOrCreateAsync(CacheKey, async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
                return await db.DataSets.AnyAsync(d => d.IsDemo, cancellationToken)
                    || await db.Certificates.AnyAsync(c => c.IsDemo, cancellationToken);
            });
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            // The layout of the "database unreachable" page must render without the database; nothing is cached.
            return false;
        }
    }
}
