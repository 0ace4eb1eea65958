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
        return index is null ? null : new SearcherLease(index, index.Acquire());
    }

    /// <summary>Makes <paramref name="next"/> current and returns the generation it replaced.</summary>
    public SearchIndex? Swap(SearchIndex next) => Interlocked.Exchange(ref _current, next);

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Dispose();
}

public sealed class SearcherLease(SearchIndex index, IndexSearcher searcher) : IDisposable
{
    public IndexSearcher Searcher { get; } = searcher;

    public void Dispose() => index.Release(Searcher);
}
