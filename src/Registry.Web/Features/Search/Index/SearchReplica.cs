using Lucene.Net.Search;

namespace Registry.Web.Features.Search.Index;

/// <summary>
/// This instance's live index. Searches lease a searcher from whichever generation is current; a swap
/// to a rebuilt generation lets searches already running finish on the old one.
/// </summary>
public sealed class SearchReplica : IDisposable
{
    private SearchIndex? _current;

    public bool IsReady => Volatile.Read(ref _current) is not null;

    public SearchIndex? Current => Volatile.Read(ref _current);

    /// <summary>Leases a searcher; null while the replica is still being built for the first time.</summary>
    public SearcherLease? Lease()
    {
        var index = Volatile.Read(ref _current);
        if (index is null)
        {
            return null;
        }

        // The position before the searcher: a batch is made searchable before its position is recorded, so the
        // searcher holds at least every change up to the position read first.
        var appliedThrough = index.AppliedSequence;
        return new SearcherLease(index, index.Acquire(), appliedThrough);
    }

    /// <summary>Makes <paramref name="next"/> current and returns the generation it replaced.</summary>
    public SearchIndex? Swap(SearchIndex next) => Interlocked.Exchange(ref _current, next);

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Dispose();
}

public sealed class SearcherLease(SearchIndex index, IndexSearcher searcher, long appliedThrough) : IDisposable
{
    public IndexSearcher Searcher { get; } = searcher;

    /// <summary>An outbox position every change up to which this searcher holds (it may hold later ones too).</summary>
    public long AppliedThrough { get; } = appliedThrough;

    public void Dispose() => index.Release(Searcher);
}
