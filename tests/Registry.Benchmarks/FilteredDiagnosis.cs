using System.Diagnostics;
using Lucene.Net.Search;
using Registry.Domain.Lifecycle;
using Registry.Domain.Time;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Querying;

namespace Registry.Benchmarks;

public sealed record VariantTiming(string Variant, double P50, double P99, double OnCpuP50, double OnCpuP99, double MedianHits);

/// <summary>
/// Takes the filtered search apart: the collecting pass alone, with one piece of the query changed at a time,
/// to show which piece dominates. The last variants are candidate fixes, built from Lucene's own classes.
/// </summary>
public static class FilteredDiagnosis
{
    private static readonly Sort ByRelevanceThenId = new(SortField.FIELD_SCORE, new SortField(SearchFields.IdOrder, SortFieldType.INT64));

    public static IReadOnlyList<VariantTiming> Run(SearchReplica replica, IReadOnlyList<BenchQuery> queries, TimeProvider clock, int runs)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(clock);
        var today = RegistryCalendar.DateOf(clock.GetUtcNow());

        Query TextOnly(BenchQuery q) => CertificateQueryBuilder.Build(new SearchRequest { Text = q.Request.Text }, Interpret(q), today).Query;
        Query AsBuilt(BenchQuery q) => CertificateQueryBuilder.Build(q.Request, Interpret(q), today).Query;
        Query Province(BenchQuery q) => FilterQueries.AnyOf(SearchFields.Province, q.Request.Provinces);
        Query StatusAsBuilt() => CertificateQueryBuilder.Build(new SearchRequest { Statuses = [CertificateStatus.Valid] }, QueryInterpretation.Of(string.Empty), today).Query;
        Query StatusUncached() => FilterQueries.Status(CertificateStatus.Valid, today);

        // Status and province as one bit set per segment, cached, passed down as accepted documents.
        var bitSets = new Dictionary<string, Filter>(StringComparer.Ordinal);
        Query OneBitSet(BenchQuery q)
        {
            var key = string.Join(",", q.Request.Provinces);
            if (!bitSets.TryGetValue(key, out var filter))
            {
                filter = new BitSetFilter(new QueryWrapperFilter(All(StatusUncached(), Province(q))));
                bitSets[key] = filter;
            }

            return new FilteredQuery(TextOnly(q), filter);
        }

        var variants = new (string Name, Func<BenchQuery, Query> Query, bool Facets)[]
        {
            ("as built: text + status Valid + province, top 20 + facets", AsBuilt, true),
            ("as built, without the facet collector", AsBuilt, false),
            ("text only (no filters)", TextOnly, true),
            ("text + province", q => With(TextOnly(q), Province(q)), true),
            ("text + status Valid as built", q => With(TextOnly(q), StatusAsBuilt()), true),
            ("text + status Valid uncached (standing term AND NumericRangeQuery on expires: the code before af57e43)", q => With(TextOnly(q), StatusUncached()), true),
            ("candidate: status + province as one cached bit set per segment, applied by FilteredQuery", OneBitSet, true),
        };

        var results = new List<VariantTiming>();
        using var lease = replica.Lease() ?? throw new InvalidOperationException("The index is not open.");
        foreach (var (name, build, withFacets) in variants)
        {
            var wall = new double[runs];
            var onCpu = new double[runs];
            var hits = new double[runs];
            for (var i = -Math.Min(100, runs); i < runs; i++)
            {
                var query = build(queries[((i % queries.Count) + queries.Count) % queries.Count]);
                var before = MachineLoad.ThreadSchedule();
                var start = Stopwatch.GetTimestamp();
                var top = TopFieldCollector.Create(ByRelevanceThenId, 20, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
                ICollector collector = withFacets ? MultiCollector.Wrap(top, new FacetCollector(today)) : top;
                lease.Searcher.Search(query, collector);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var after = MachineLoad.ThreadSchedule();
                if (i < 0)
                {
                    continue; // warm-up
                }

                wall[i] = elapsed;
                onCpu[i] = Math.Max(0, elapsed - (before is { } b && after is { } a ? (a.WaitNs - b.WaitNs) / 1e6 : 0));
                hits[i] = top.TotalHits;
            }

            var timing = new VariantTiming(
                name,
                LatencySeries.Percentile(wall, 0.5),
                LatencySeries.Percentile(wall, 0.99),
                LatencySeries.Percentile(onCpu, 0.5),
                LatencySeries.Percentile(onCpu, 0.99),
                LatencySeries.Percentile(hits, 0.5));
            Console.WriteLine($"  {timing.P50,7:0.00} / {timing.P99,7:0.00} ms (on-CPU {timing.OnCpuP50,6:0.00} / {timing.OnCpuP99,6:0.00})  hits {timing.MedianHits,7:0}  {name}");
            results.Add(timing);
        }

        return results;
    }

    /// <summary>Caches a filter per segment as a FixedBitSet, which offers random access (FilteredQuery then passes it down as accepted documents).</summary>
    public sealed class BitSetFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, Lucene.Net.Index.AtomicReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var bits = new Lucene.Net.Util.FixedBitSet(reader.MaxDoc);
            if (docIdSet?.GetIterator() is { } iterator)
            {
                bits.Or(iterator);
            }

            return bits;
        }
    }

    private static QueryInterpretation Interpret(BenchQuery query) => QueryInterpretation.Of(SearchText.Clean(query.Request.Text));

    private static BooleanQuery With(Query text, params Query[] filters)
    {
        var root = new BooleanQuery { { text, Occur.MUST } };
        foreach (var filter in filters)
        {
            root.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
        }

        return root;
    }

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
