using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Search;
using Registry.Domain.Time;
using Registry.Web.Features.Search.Analysis;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Querying;

namespace Registry.Benchmarks;

/// <summary>Where the time of one in-process search went, in stopwatch ticks.</summary>
public record struct SearchPhases(long Build, long Collect, long Fetch, long Highlight)
{
    public readonly long Total => Build + Collect + Fetch + Highlight;

    /// <summary>Bytes this thread allocated while building the query and while collecting.</summary>
    public long BuildBytes { get; set; }

    public long CollectBytes { get; set; }

    public long FetchBytes { get; set; }
}

/// <summary>How the benchmark applies the status and province filters (the site's way, or a candidate fix).</summary>
public enum FilterMode
{
    /// <summary>As CertificateQueryBuilder builds them: constant-score clauses (term AND numeric range for status).</summary>
    AsBuilt,

    /// <summary>Status and province as one cached bit set per (day, statuses, provinces), applied with FilteredQuery.</summary>
    CachedBitSet,
}

public readonly record struct PureResult(int TotalHits, int PageHits, int FacetValues, int MarkedSegments);

/// <summary>
/// Exactly what <see cref="SearchService.SearchAsync"/> does, minus the <see cref="LiveStatus"/> re-read from
/// PostgreSQL: interpret the text, build the query, collect the top page and the facet counts in one pass,
/// load the page's stored records and mark the names. Timed per phase, to see which part dominates.
/// </summary>
public sealed class LuceneSearch(SearchReplica replica, TimeProvider clock)
{
    private static readonly Sort ByRelevanceThenId = new(SteadyRelevance.Field, new SortField(SearchFields.IdOrder, SortFieldType.INT64));

    private readonly ConcurrentDictionary<string, Filter> _statusFilters = new(StringComparer.Ordinal);

    public PureResult Search(SearchRequest request) => Search(request, out _);

    public PureResult Search(SearchRequest request, out SearchPhases phases)
    {
        using var lease = replica.Lease() ?? throw new InvalidOperationException("The index is not open.");
        return Search(lease.Searcher, request, out phases);
    }

    /// <summary>
    /// The same on any searcher (the diagnosis opens the index through other Directory implementations). With
    /// <paramref name="filters"/> other than <see cref="FilterMode.AsBuilt"/>, the filters are applied the way a
    /// candidate fix would apply them; the text query, ranking, facets and page are the same.
    /// </summary>
    public PureResult Search(IndexSearcher searcher, SearchRequest request, out SearchPhases phases, FilterMode filters = FilterMode.AsBuilt)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(request);
        var a0 = GC.GetAllocatedBytesForCurrentThread();
        var t0 = Stopwatch.GetTimestamp();
        if (SearchRequestValidator.Validate(request).Count > 0)
        {
            throw new ArgumentException("The benchmark built an invalid request.", nameof(request));
        }

        var today = RegistryCalendar.DateOf(clock.GetUtcNow());
        var interpretation = QueryInterpretation.Of(SearchText.Clean(request.Text));
        var built = filters switch
        {
            FilterMode.CachedBitSet when request.Statuses.Count > 0 || request.Provinces.Count > 0 => WithCachedBitSet(request, interpretation, today),
            _ => CertificateQueryBuilder.Build(request, interpretation, today),
        };
        var skip = (request.Page - 1) * request.PageSize;
        var top = TopFieldCollector.Create(ByRelevanceThenId, skip + request.PageSize, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        var facets = new FacetCollector(today);
        var t1 = Stopwatch.GetTimestamp();
        var a1 = GC.GetAllocatedBytesForCurrentThread();

        searcher.Search(built.Query, MultiCollector.Wrap(top, facets));
        var docs = top.GetTopDocs(skip, request.PageSize).ScoreDocs;
        var counts = facets.Result();
        var t2 = Stopwatch.GetTimestamp();
        var a2 = GC.GetAllocatedBytesForCurrentThread();

        var found = docs.Select(d => CertificateDocument.Read(searcher.Doc(d.Doc))).ToList();
        var t3 = Stopwatch.GetTimestamp();
        var a3 = GC.GetAllocatedBytesForCurrentThread();

        var marked = 0;
        foreach (var record in found)
        {
            marked += Highlighting.Mark(SearchAnalyzers.ChineseName, SearchFields.Name, record.LegalNameZh, built.NameTerms).Count;
            if (record.NameEn is { } english)
            {
                marked += Highlighting.Mark(SearchAnalyzers.EnglishName, SearchFields.NameEn, english, built.EnglishTerms).Count;
            }
        }

        var t4 = Stopwatch.GetTimestamp();
        phases = new SearchPhases(t1 - t0, t2 - t1, t3 - t2, t4 - t3) { BuildBytes = a1 - a0, CollectBytes = a2 - a1, FetchBytes = a3 - a2 };
        return new PureResult(top.TotalHits, found.Count, counts.Statuses.Count + counts.Levels.Count + counts.Bodies.Count + counts.Provinces.Count, marked);
    }

    private BuiltQuery WithCachedBitSet(SearchRequest request, QueryInterpretation interpretation, DateOnly today)
    {
        var built = CertificateQueryBuilder.Build(request with { Statuses = [], Provinces = [] }, interpretation, today);
        var statuses = request.Statuses.Distinct().Order().ToList();
        var provinces = request.Provinces.Distinct().Order(StringComparer.Ordinal).ToList();
        var key = "bits:" + today.DayNumber.ToString(CultureInfo.InvariantCulture) + ":" + string.Join(",", statuses) + ":" + string.Join(",", provinces);
        var filter = _statusFilters.GetOrAdd(key, _ =>
        {
            var all = new BooleanQuery();
            if (statuses.Count > 0)
            {
                all.Add(FilterQueries.Any(statuses.Select(s => FilterQueries.Status(s, today))), Occur.MUST);
            }

            if (provinces.Count > 0)
            {
                all.Add(FilterQueries.AnyOf(SearchFields.Province, provinces), Occur.MUST);
            }

            return new FilteredDiagnosis.BitSetFilter(new QueryWrapperFilter(all));
        });
        return built with { Query = new FilteredQuery(built.Query, filter) };
    }
}
