using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// All of a search's filters as one bit set per index segment, cached for the day. A filter set such as
/// "valid, in Zhejiang" matches a large share of the registry; evaluated as query clauses it was leap-frogged
/// term by term on every search and dominated filtered searches (ops/bench "filtered searches taken apart").
/// As a random-access bit set, FilteredQuery hands it down as the accepted documents, so the text query
/// alone drives the search. Near-real-time reopens keep unchanged segments and their cached bits;
/// deletions are applied at search time. Everything is dropped when the day changes, because "expired"
/// and "valid" depend on the day.
/// </summary>
public static class FilterBitSets
{
    /// <summary>Distinct filter sets kept; each costs at most one bit per document (125 KB per million).</summary>
    public const int Capacity = 128;

    private static readonly System.Threading.Lock Gate = new();
    private static readonly LinkedList<string> Recency = new();
    private static readonly Dictionary<string, (Filter Filter, LinkedListNode<string> Node)> Filters = new(StringComparer.Ordinal);
    private static DateOnly _day;

    public static Filter For(string key, DateOnly today, Func<Query> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (Gate)
        {
            if (today != _day)
            {
                _day = today;
                Filters.Clear();
                Recency.Clear();
            }

            if (Filters.TryGetValue(key, out var cached))
            {
                Recency.Remove(cached.Node);
                Recency.AddFirst(cached.Node);
                return cached.Filter;
            }

            if (Filters.Count >= Capacity && Recency.Last is { } oldest)
            {
                Filters.Remove(oldest.Value);
                Recency.RemoveLast();
            }

            var filter = new BitSetPerSegment(new QueryWrapperFilter(build()));
            Filters[key] = (filter, Recency.AddFirst(key));
            return filter;
        }
    }

    /// <summary>
    /// Lucene caches a compressed set by default, which can only be iterated; a FixedBitSet also answers
    /// "is this document in?" directly, which is what lets FilteredQuery apply it as accepted documents.
    /// </summary>
    private sealed class BitSetPerSegment(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            var bits = new FixedBitSet(reader.MaxDoc);
            if (docIdSet?.GetIterator() is { } iterator)
            {
                bits.Or(iterator);
            }

            return bits;
        }
    }
}
