using BoxedFloat = J2N.Numerics.Single;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// Relevance, descending, with scores rounded to about five significant digits before they are compared.
/// Two certificates that match alike get scores that differ only in the last bits of a float, depending on
/// the order in which their clauses were summed, and that order changes when the index's segments change.
/// Compared raw, such twins swapped places between one page and the next; rounded, they tie, and the
/// registry's id (the next sort field) orders them the same way every time.
/// </summary>
public sealed class SteadyRelevance : FieldComparerSource
{
    public static SortField Field { get; } = new("relevance", new SteadyRelevance());

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new Comparer(numHits);

    /// <summary>Drops the 8 lowest of a float's 23 mantissa bits: a relative step of about 3e-5.</summary>
    public static float Round(float score) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(score) & ~0xFF);

    private sealed class Comparer(int numHits) : FieldComparer<BoxedFloat>
    {
        private readonly float[] _scores = new float[numHits];
        private float _bottom;
        private float _top;
        private Scorer? _scorer;

        public override BoxedFloat this[int slot] => BoxedFloat.GetInstance(_scores[slot]);

        // Higher scores first.
        public override int Compare(int slot1, int slot2) => _scores[slot2].CompareTo(_scores[slot1]);

        public override int CompareBottom(int doc) => Current().CompareTo(_bottom);

        public override int CompareTop(int doc) => Current().CompareTo(_top);

        public override int CompareValues(BoxedFloat first, BoxedFloat second) => second.ToSingle().CompareTo(first.ToSingle());

        public override void Copy(int slot, int doc) => _scores[slot] = Current();

        public override void SetBottom(int slot) => _bottom = _scores[slot];

        public override void SetTopValue(BoxedFloat value) => _top = value.ToSingle();

        public override FieldComparer SetNextReader(AtomicReaderContext context) => this;

        public override void SetScorer(Scorer scorer) =>
            _scorer = scorer as ScoreCachingWrappingScorer ?? new ScoreCachingWrappingScorer(scorer);

        private float Current() => Round(_scorer!.GetScore());
    }
}
