using GraphQL.DataLoader;

namespace Registry.Web.Features.GraphQL.Loaders;

/// <summary>Turns a loaded value into what a field returns, without giving up the batching.</summary>
public static class DataLoaderResults
{
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> loaded, Func<T, TResult> map) =>
        new Mapped<T, TResult>(loaded, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> loaded, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await loaded.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
