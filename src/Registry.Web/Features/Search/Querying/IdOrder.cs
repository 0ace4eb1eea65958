using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Web.Features.Search.Index;
using BoxedLong = J2N.Numerics.Int64;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// The registry's id, ascending: the tie-break after relevance. Lucene's own INT64 sort reads the doc values through
/// the directory for every hit it compares, and through NIOFSDirectory each is a buffered file read (with a file-length
/// call on every refill): a two-character name matching a hundred thousand certificates spent most of a search there.
/// Here each segment's ids are read once into an array, kept for as long as the segment lives (8 bytes a certificate),
/// as <see cref="SegmentFacetValues"/> does for the facets.
/// </summary>
public sealed class IdOrder : FieldComparerSource
{
    private static readonly ConditionalWeakTable<object, long[]> Segments = [];

    public static SortField Field { get; } = new(SearchFields.IdOrder, new IdOrder());

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new Comparer(numHits);

    private static long[] IdsOf(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ =>
    {
        var ids = new long[reader.MaxDoc];
        if (reader.GetNumericDocValues(SearchFields.IdOrder) is { } values)
        {
            for (var doc = 0; doc < ids.Length; doc++)
            {
                ids[doc] = values.Get(doc);
            }
        }

        return ids;
    });

    private sealed class Comparer(int numHits) : FieldComparer<BoxedLong>
    {
        private readonly long[] _slots = new long[numHits];
        private long[] _ids = [];
        private long _bottom;
        private long _top;

        public override BoxedLong this[int slot] => BoxedLong.GetInstance(_slots[slot]);

        public override int Compare(int slot1, int slot2) => _slots[slot1].CompareTo(_slots[slot2]);

        public override int CompareBottom(int doc) => _bottom.CompareTo(_ids[doc]);

        public override int CompareTop(int doc) => _top.CompareTo(_ids[doc]);

        public override int CompareValues(BoxedLong first, BoxedLong second) => first.ToInt64().CompareTo(second.ToInt64());

        public override void Copy(int slot, int doc) => _slots[slot] = _ids[doc];

        public override void SetBottom(int slot) => _bottom = _slots[slot];

        public override void SetTopValue(BoxedLong value) => _top = value.ToInt64();

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            _ids = IdsOf(context.AtomicReader);
            return this;
        }
    }
}
