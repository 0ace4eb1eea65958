using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Registry.Domain.Lifecycle;
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

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        _segment = new Segment(
            KeyedFields.Select(f => reader.GetSortedDocValues(f)).ToArray(),
            reader.GetSortedDocValues(SearchFields.Standing),
            reader.GetNumericDocValues(SearchFields.ExpiresValue));
    }

    public void Collect(int doc)
    {
        var segment = _segment!;
        for (var i = 0; i < segment.Keyed.Length; i++)
        {
            if (segment.Keyed[i] is { } values && values.GetOrd(doc) is var ord and >= 0)
            {
                segment.KeyedCounts[i][ord]++;
            }
        }

        if (segment.Standing is { } standing && standing.GetOrd(doc) is var standingOrd and >= 0)
        {
            segment.StandingCounts[standingOrd * 2 + (segment.Expires?.Get(doc) < _today ? 1 : 0)]++;
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

        var text = new BytesRef();
        for (var i = 0; i < segment.Keyed.Length; i++)
        {
            var counts = segment.KeyedCounts[i];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    segment.Keyed[i]!.LookupOrd(ord, text);
                    var key = text.Utf8ToString();
                    _counts[KeyedFields[i]][key] = _counts[KeyedFields[i]].GetValueOrDefault(key) + counts[ord];
                }
            }
        }

        for (var slot = 0; slot < segment.StandingCounts.Length; slot++)
        {
            if (segment.StandingCounts[slot] > 0)
            {
                segment.Standing!.LookupOrd(slot / 2, text);
                var status = Enum.Parse<CertificateStanding>(text.Utf8ToString()).Status(lapsed: slot % 2 == 1);
                _statuses[status] = _statuses.GetValueOrDefault(status) + segment.StandingCounts[slot];
            }
        }

        _segment = null;
    }

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        [.. counts.Select(p => new FacetValue(p.Key, p.Value)).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];

    private sealed class Segment
    {
        public Segment(SortedDocValues?[] keyed, SortedDocValues? standing, NumericDocValues? expires)
        {
            Keyed = keyed;
            KeyedCounts = keyed.Select(v => new int[v?.ValueCount ?? 0]).ToArray();
            Standing = standing;
            StandingCounts = new int[(standing?.ValueCount ?? 0) * 2];
            Expires = expires;
        }

        public SortedDocValues?[] Keyed { get; }

        public int[][] KeyedCounts { get; }

        public SortedDocValues? Standing { get; }

        /// <summary>Two slots per standing: [ord * 2] not lapsed, [ord * 2 + 1] past its expiry.</summary>
        public int[] StandingCounts { get; }

        public NumericDocValues? Expires { get; }
    }
}
