using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>
/// The facet fields of one index segment, read once into arrays. Doc values live on disk and, through
/// NIOFSDirectory, every random look-up is a buffered file read: counting facets over a broad match (a city
/// name matches 80,000 certificates) cost hundreds of milliseconds that way, and an array look-up costs
/// nanoseconds. A segment never changes once written (deletions are applied by the searcher, not here), so
/// its arrays are kept for as long as the segment lives, keyed by its core; about 20 bytes per certificate.
/// </summary>
public sealed class SegmentFacetValues
{
    private static readonly ConditionalWeakTable<object, SegmentFacetValues> Cache = [];

    private SegmentFacetValues(AtomicReader reader, string[] keyedFields)
    {
        var size = reader.MaxDoc;
        Keyed = [.. keyedFields.Select(f => Column.Read(reader.GetSortedDocValues(f), size))];
        Standing = Column.Read(reader.GetSortedDocValues(SearchFields.Standing), size);
        Expires = new int[size];
        if (reader.GetNumericDocValues(SearchFields.ExpiresValue) is { } expires)
        {
            for (var doc = 0; doc < size; doc++)
            {
                Expires[doc] = (int)expires.Get(doc);
            }
        }
    }

    public IReadOnlyList<Column> Keyed { get; }

    public Column Standing { get; }

    /// <summary>Expiry day numbers by document.</summary>
    public int[] Expires { get; }

    public static SegmentFacetValues Of(AtomicReader reader, string[] keyedFields)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacetValues(reader, keyedFields));
    }

    /// <summary>One field: each document's ordinal (-1 for none), and the value of each ordinal.</summary>
    public sealed class Column
    {
        private Column(int[] ordinals, string[] values)
        {
            Ordinals = ordinals;
            Values = values;
        }

        public int[] Ordinals { get; }

        public string[] Values { get; }

        public static Column Read(SortedDocValues? docValues, int size)
        {
            var ordinals = new int[size];
            if (docValues is null)
            {
                Array.Fill(ordinals, -1);
                return new Column(ordinals, []);
            }

            for (var doc = 0; doc < size; doc++)
            {
                ordinals[doc] = docValues.GetOrd(doc);
            }

            var values = new string[docValues.ValueCount];
            var text = new BytesRef();
            for (var ord = 0; ord < values.Length; ord++)
            {
                docValues.LookupOrd(ord, text);
                values[ord] = text.Utf8ToString();
            }

            return new Column(ordinals, values);
        }
    }
}
