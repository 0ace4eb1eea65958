using GraphQL.DataLoader;

namespace Registry.Web.Features.GraphQL.Loaders;

/// <summary>
/// Collects the keys that resolvers ask for while the engine walks one level of a query, and fetches them in
/// a single call when the first answer is needed; later asks for a key already fetched cost nothing. The
/// engine (GraphQL.NET) resolves every <see cref="IDataLoaderResult"/> only after the other fields of the level,
/// which is what lets a page of 50 certificates load its 50 bodies with one query. One loader lives for one
/// request, so nothing is cached across requests.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TValue?> _known = [];
    private readonly List<TKey> _pending = [];
    private Task? _running;

    /// <summary>How many fetches this loader has made (each is one database round trip).</summary>
    public int Fetches { get; private set; }

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_known.ContainsKey(key) && !_pending.Contains(key))
            {
                _pending.Add(key);
            }
        }

        return new Answer(this, key);
    }

    /// <summary>Records a value that another query already read, so that asking for it costs nothing.</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            _known[key] = value;
            _pending.Remove(key);
        }
    }

    private async Task<TValue?> AnswerAsync(TKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task batch;
            lock (_gate)
            {
                if (_known.TryGetValue(key, out var value))
                {
                    return value;
                }

                if (_running is null || _running.IsCompleted)
                {
                    if (!_pending.Contains(key))
                    {
                        _pending.Add(key);
                    }

                    _running = FetchAsync([.. _pending], cancellationToken);
                    _pending.Clear();
                }

                batch = _running;
            }

            // A key asked for while another batch was running is fetched by the next turn of the loop.
            await batch;
        }
    }

    private async Task FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken)
    {
        Fetches++;
        var found = await fetch(keys, cancellationToken);
        lock (_gate)
        {
            foreach (var key in keys)
            {
                _known[key] = found.GetValueOrDefault(key);
            }
        }
    }

    private sealed class Answer(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.AnswerAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
