using GraphQL;
using Microsoft.EntityFrameworkCore;
using Registry.Web.Data;
using Registry.Web.Features.Search;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// Names for the body facet, read only when a client asks for that facet. The site's list of bodies is cached
/// for a minute; a body registered since then is read directly, so that no facet value is left without names.
/// </summary>
public static class BodyFacetNames
{
    public static async Task<IReadOnlyDictionary<string, (string Zh, string En)>> ForAsync(IReadOnlyCollection<string> codes, IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cached = await context.Service<BodyNames>().AllAsync(context.CancellationToken);
        var missing = codes.Where(c => !cached.ContainsKey(c)).ToList();
        if (missing.Count == 0)
        {
            return cached;
        }

        var fresh = await context.Service<RegistryDbContext>().Bodies.AsNoTracking().Where(b => missing.Contains(b.Code))
            .ToDictionaryAsync(b => b.Code, b => (b.NameZh, b.NameEn), StringComparer.Ordinal, context.CancellationToken);
        return cached.Concat(fresh).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
