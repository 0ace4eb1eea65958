using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Registry.Web.Data;

namespace Registry.Web.Features.Search;

/// <summary>Certification bodies by code, for labelling facets; a short list that rarely changes.</summary>
public sealed class BodyNames(RegistryDbContext db, IMemoryCache cache)
{
    private static readonly object CacheKey = new();

    public async Task<IReadOnlyDictionary<string, (string Zh, string En)>> AllAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var bodies = await db.Bodies.AsNoTracking().Select(b => new { b.Code, b.NameZh, b.NameEn }).ToListAsync(cancellationToken);
            return (IReadOnlyDictionary<string, (string Zh, string En)>)bodies.ToDictionary(b => b.Code, b => (b.NameZh, b.NameEn), StringComparer.Ordinal);
        }))!;
}
