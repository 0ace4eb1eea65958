using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Registry.Domain.Lifecycle;
using Registry.Domain.Time;
using Registry.Web.Data;

namespace Registry.Web.Features.Home;

public sealed record StatusCount(CertificateStatus Status, string Level, int Count);

/// <summary>Counts of certificates by status and level, as of today.</summary>
public sealed class RegistryStatistics(RegistryDbContext db, TimeProvider clock, IMemoryCache cache)
{
    private static readonly object CacheKey = new();

    // A few seconds of staleness keeps a million-row count off every home page view.
    public async Task<IReadOnlyList<StatusCount>> CountAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(10);
            var today = RegistryCalendar.Today(clock);
            var rows = await db.Certificates.AsNoTracking()
                .GroupBy(c => new
                {
                    c.Standing,
                    Lapsed = (c.Standing == CertificateStanding.Valid || c.Standing == CertificateStanding.Suspended) && c.ExpiresOn < today,
                    c.Level,
                })
                .Select(g => new { g.Key.Standing, g.Key.Lapsed, g.Key.Level, Count = g.Count() })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new StatusCount(r.Lapsed ? CertificateStatus.Expired : ToStatus(r.Standing), r.Level, r.Count)).ToList();
        }))!;

    private static CertificateStatus ToStatus(CertificateStanding standing) => standing switch
    {
        CertificateStanding.Valid => CertificateStatus.Valid,
        CertificateStanding.Suspended => CertificateStatus.Suspended,
        CertificateStanding.Withdrawn => CertificateStatus.Withdrawn,
        _ => CertificateStatus.Cancelled,
    };
}
