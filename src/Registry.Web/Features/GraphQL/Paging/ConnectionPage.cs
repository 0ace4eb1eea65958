namespace Registry.Web.Features.GraphQL.Paging;

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);

/// <summary>A page of a Relay connection: edges with their cursors, where the page sits, and how many there are in all.</summary>
public sealed record ConnectionPage<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount);

public static class ConnectionPages
{
    /// <summary>A page cut from a list the server already holds in full.</summary>
    public static ConnectionPage<T> Slice<T>(IReadOnlyList<T> all, PageRequest page)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(page);
        return Of([.. all.Skip(page.Offset).Take(page.Size)], page.Offset, all.Count);
    }

    /// <summary>
    /// A page of <paramref name="items"/> that starts at <paramref name="offset"/> in a list of <paramref name="total"/>,
    /// of which only the first <paramref name="reachable"/> can be paged to.
    /// </summary>
    public static ConnectionPage<T> Of<T>(IReadOnlyList<T> items, int offset, int total, int reachable = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(items);
        var edges = items.Select((item, i) => new Edge<T>(Cursor.At(offset + i), item)).ToList();
        var end = Math.Min(total, reachable);
        return new ConnectionPage<T>(
            edges,
            new PageInfo(offset + items.Count < end, offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor),
            total);
    }
}
