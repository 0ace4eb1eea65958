using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Domain.Levels;

namespace Registry.Web.Features.Home;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PageCachePolicies.Home)]
public sealed class IndexModel(RegistryStatistics statistics, TimeProvider clock) : PageModel
{
    public static IReadOnlyList<CertificateStatus> Statuses { get; } =
        [CertificateStatus.Valid, CertificateStatus.Suspended, CertificateStatus.Withdrawn, CertificateStatus.Cancelled, CertificateStatus.Expired];

    public IReadOnlyList<StatusCount> Counts { get; private set; } = [];

    public Scheme Scheme => Schemes.Default;

    public string AsOf { get; private set; } = string.Empty;

    public int Total => Counts.Sum(c => c.Count);

    public int CountOf(CertificateStatus status) => Counts.Where(c => c.Status == status).Sum(c => c.Count);

    public int ValidCountOf(string level) => Counts.Where(c => c.Status == CertificateStatus.Valid && c.Level == level).Sum(c => c.Count);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await statistics.CountAsync(cancellationToken);
        AsOf = clock.GetUtcNow().ToOffset(RegistryCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm 'UTC+8'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
