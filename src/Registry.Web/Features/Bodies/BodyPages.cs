using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Domain.Identifiers;
using Registry.Web.Features.Home;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.Bodies;

/// <summary>One body's counts: by status, and its valid certificates by level.</summary>
public sealed record BodyCounts(IReadOnlyDictionary<CertificateStatus, int> ByStatus, IReadOnlyDictionary<string, int> ValidByLevel)
{
    public int Total => ByStatus.Values.Sum();

    public static BodyCounts Of(IEnumerable<BodyStatusCount> counts)
    {
        var list = counts.ToList();
        return new BodyCounts(
            list.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            list.Where(c => c.Status == CertificateStatus.Valid).GroupBy(c => c.Level).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
    }
}

/// <summary>/bodies: every certification body the registry knows, with its certificates counted by status and level.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PageCachePolicies.Body)]
public sealed class BodyDirectoryModel(RegistryDbContext db, RegistryStatistics statistics) : PageModel
{
    public IReadOnlyList<(CertificationBody Body, BodyCounts Counts)> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = (await statistics.CountByBodyAsync(cancellationToken)).ToLookup(c => c.BodyId);
        var bodies = await db.Bodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(cancellationToken);
        Bodies = [.. bodies.Select(b => (b, BodyCounts.Of(counts[b.Id])))];
    }
}

/// <summary>
/// /bodies/{code}: a body's names, approval number and website, its counts, a way into its certificates (the
/// search, filtered to the body), and its QR signing keys with their windows, so anyone can see which keys are live.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PageCachePolicies.Body)]
public sealed class BodyModel(RegistryDbContext db, RegistryStatistics statistics, SigningKeyStore signingKeys) : PageModel
{
    public CertificationBody? Body { get; private set; }

    public BodyCounts Counts { get; private set; } = BodyCounts.Of([]);

    public IReadOnlyList<SigningKeySummary> Keys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var folded = IdentifierText.Fold(code ?? string.Empty);
        if (folded.Length is 0 or > 32 || !folded.All(char.IsAsciiLetterOrDigit))
        {
            return NotFoundPage();
        }

        if (!string.Equals(code, folded, StringComparison.Ordinal))
        {
            return RedirectPermanent($"/bodies/{folded}{Request.QueryString}");
        }

        Body = await db.Bodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == folded, cancellationToken);
        if (Body is null)
        {
            return NotFoundPage();
        }

        Counts = BodyCounts.Of((await statistics.CountByBodyAsync(cancellationToken)).Where(c => c.BodyId == Body.Id));
        Keys = [.. (await signingKeys.ListAsync(Body.Code, cancellationToken)).OrderBy(k => k.State).ThenByDescending(k => k.NotBefore)];
        return Page();
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
