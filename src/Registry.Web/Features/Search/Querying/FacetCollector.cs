using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// Counts facet values of every matching document from doc values (Lucene.Net.Facet is not available
/// here). Counting is by ordinal per segment, resolved to strings once per segment.
/// </summary>
public sealed class FacetCollector(DateOnly today) : ICollector
{
    private static readonly string[] KeyedFields = [SearchFields.Level, SearchFields.Body, SearchFields.Province];

    private readonly int _today = CertificateDocument.DayNumber(today);
    private readonly Dictionary<string, Dictionary<string, int>> _counts = KeyedFields.ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly Dictionary<CertificateStatus, int> _statuses = [];
    private Segment? _segment;

    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>Reads every segment's facet arrays now, so that the first search after a swap does not pay for it.</summary>
    public static void Warm(IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            SegmentFacetValues.Of(leaf.AtomicReader, KeyedFields);
        }
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Flush();
        _segment = new Segment(SegmentFacetValues.Of(context.AtomicReader, KeyedFields));
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        var values = segment.Values;
        for (var i = 0; i < values.Keyed.Count; i++)
        {
            if (values.Keyed[i].Ordinals[doc] is var ord and >= 0)
            {
                segment.KeyedCounts[i][ord]++;
            }
        }

        if (values.Standing.Ordinals[doc] is var standingOrd and >= 0)
        {
            segment.StandingCounts[standingOrd * 2 + (values.Expires[doc] < _today ? 1 : 0)]++;
        }
    }

    public FacetCounts Result()
    {
        Flush();
        return new FacetCounts(
            Sorted(_statuses.ToDictionary(p => p.Key.ToString(), p => p.Value)),
            Sorted(_counts[SearchFields.Level]),
            Sorted(_counts[SearchFields.Body]),
            Sorted(_counts[SearchFields.Province]));
    }

    private void Flush()
    {
        if (_segment is not { } segment)
        {
            return;
        }

        for (var i = 0; i < segment.Values.Keyed.Count; i++)
        {
            var counts = segment.KeyedCounts[i];
            var names = segment.Values.Keyed[i].Values;
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    _counts[KeyedFields[i]][names[ord]] = _counts[KeyedFields[i]].GetValueOrDefault(names[ord]) + counts[ord];
                }
            }
        }

        for (var slot = 0; slot < segment.StandingCounts.Length; slot++)
        {
            if (segment.StandingCounts[slot] > 0)
            {
                var status = Enum.Parse<CertificateStanding>(segment.Values.Standing.Values[slot / 2]).Status(lapsed: slot % 2 == 1);
                _statuses[status] = _statuses.GetValueOrDefault(status) + segment.StandingCounts[slot];
            }
        }

        _segment = null;
    }

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        [.. counts.Select(p => new FacetValue(p.Key, p.Value)).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];

    private sealed class Segment(SegmentFacetValues values)
    {
        public SegmentFacetValues Values { get; } = values;

        public int[][] KeyedCounts { get; } = [.. values.Keyed.Select(c => new int[c.Values.Length])];

        /// <summary>Two slots per standing: [ord * 2] not lapsed, [ord * 2 + 1] past its expiry.</summary>
        public int[] StandingCounts { get; } = new int[values.Standing.Values.Length * 2];
    }
}
