using Lucene.Net.Search;
using Registry.Domain.Lifecycle;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// Status filters, cached per index segment for the current day. A status filter matches a large share of
/// the registry (most certificates are valid), and re-evaluating its expiry range for every search was
/// the largest part of a filtered search. Near-real-time reopens keep unchanged segments, so their cached
/// bits stay; deletions are applied at search time. The cache is dropped when the day changes, because
/// "expired" depends on the day.
/// </summary>
public static class StatusFilters
{
    private static readonly Lock Gate = new();
    private static DateOnly _day;
    private static Dictionary<CertificateStatus, Filter> _filters = [];

    public static Filter For(CertificateStatus status, DateOnly today)
    {
        lock (Gate)
        {
            if (today != _day)
            {
                _day = today;
                _filters = [];
            }

            if (!_filters.TryGetValue(status, out var filter))
            {
                filter = new CachingWrapperFilter(new QueryWrapperFilter(FilterQueries.Status(status, today)));
                _filters[status] = filter;
            }

            return filter;
        }
    }
}
