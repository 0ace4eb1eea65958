using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// Filters as queries. Status is asked of the index the way the domain answers it: the standing the
/// events left, and for valid or suspended ones, whether the expiry date has passed today.
/// </summary>
public static class FilterQueries
{
    public static Query Status(CertificateStatus status, DateOnly today)
    {
        var todayNumber = CertificateDocument.DayNumber(today);
        var notExpired = NumericRangeQuery.NewInt32Range(SearchFields.Expires, todayNumber, null, minInclusive: true, maxInclusive: true);
        var expired = NumericRangeQuery.NewInt32Range(SearchFields.Expires, null, todayNumber, minInclusive: true, maxInclusive: false);
        return status switch
        {
            CertificateStatus.Valid => All(Standing(CertificateStanding.Valid), notExpired),
            CertificateStatus.Suspended => All(Standing(CertificateStanding.Suspended), notExpired),
            CertificateStatus.Withdrawn => Standing(CertificateStanding.Withdrawn),
            CertificateStatus.Cancelled => Standing(CertificateStanding.Cancelled),
            CertificateStatus.Expired => All(Any([Standing(CertificateStanding.Valid), Standing(CertificateStanding.Suspended)]), expired),
            _ => new BooleanQuery(),
        };
    }

    public static Query AnyOf(string field, IEnumerable<string> values) => Any(values.Select(v => (Query)new TermQuery(new Term(field, v))));

    public static Query ExpiresBetween(DateOnly? from, DateOnly? to) =>
        NumericRangeQuery.NewInt32Range(
            SearchFields.Expires,
            from is { } f ? CertificateDocument.DayNumber(f) : null,
            to is { } t ? CertificateDocument.DayNumber(t) : null,
            minInclusive: true,
            maxInclusive: true);

    public static Query Any(IEnumerable<Query> queries)
    {
        var any = new BooleanQuery();
        foreach (var query in queries)
        {
            any.Add(query, Occur.SHOULD);
        }

        return any;
    }

    private static TermQuery Standing(CertificateStanding standing) => new(new Term(SearchFields.Standing, standing.ToString()));

    private static BooleanQuery All(params Query[] queries)
    {
        var all = new BooleanQuery();
        foreach (var query in queries)
        {
            all.Add(query, Occur.MUST);
        }

        return all;
    }
}
