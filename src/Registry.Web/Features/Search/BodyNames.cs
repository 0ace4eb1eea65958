using Microsoft.Extensions.Caching.Memory;

namespace Registry.Web.Features.Search;

/// <summary>
/// Names of certification bodies by code, for labelling facets. The list is short and rarely changes, so it is
/// cached for a minute; a body registered since then is read directly, so that no value is left without a name.
/// </summary>
public sealed class BodyNames(RegistryDbContext db, IMemoryCache cache)
{
    private static readonly object CacheKey = new();

    public async Task<IReadOnlyDictionary<string, (string Zh, string En)>> ForAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var cached = (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return (IReadOnlyDictionary<string, (string Zh, string En)>)await ReadAsync(null, cancellationToken);
        }))!;
        var missing = codes.Where(c => !cached.ContainsKey(c)).ToList();
        if (missing.Count == 0)
        {
            return cached;
        }

        var fresh = await ReadAsync(missing, cancellationToken);
        return cached.Concat(fresh).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }

    private Task<Dictionary<string, (string Zh, string En)>> ReadAsync(List<string>? codes, CancellationToken cancellationToken) =>
        db.Bodies.AsNoTracking()
            .Where(b => codes == null || codes.Contains(b.Code))
            .ToDictionaryAsync(b => b.Code, b => (b.NameZh, b.NameEn), StringComparer.Ordinal, cancellationToken);
}
