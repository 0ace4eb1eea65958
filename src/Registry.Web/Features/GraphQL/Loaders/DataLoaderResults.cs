using GraphQL.DataLoader;

namespace Registry.Web.Features.GraphQL.Loaders;

/// <summary>Turns a loaded value into what a field returns, without giving up the batching.</summary>
public static class DataLoaderResults
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> loaded, Func<T, TResult> map) =>
        new Mapped<T, TResult>(loaded, map);

    /// <summary>A value already at hand, where a field's type expects a loader's result.</summary>
    public static IDataLoaderResult<T> Ready<T>(T value) => new Known<T>(value);

    private sealed class Known<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> loaded, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await loaded.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
