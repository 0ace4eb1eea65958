namespace Registry.Web.Features.WatchLists;

/// <summary>
/// A row of <c>watch_lists</c>: a saved list of certificates behind two secret links. Only the SHA-256 of each link's
/// token is stored, so the table alone opens no list; the view token is derived from the edit token
/// (<see cref="WatchListTokens"/>), so the edit link can show the view link again.
/// </summary>
public sealed class WatchList
{
    public const int MaxNameLength = 200;

    public long Id { get; init; }

    public required byte[] ViewHash { get; init; }

    public required byte[] EditHash { get; init; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When someone last opened the list's page: changes published since are marked on the next visit.</summary>
    public DateTimeOffset LastVisitAt { get; set; }

    /// <summary>When the page or the feed was last read; a list unread for the retention is deleted.</summary>
    public DateTimeOffset LastReadAt { get; set; }
}

/// <summary>A certificate on a watch list, with the row of the check that put it there.</summary>
public sealed class WatchListItem
{
    public long WatchListId { get; init; }

    public long CertificateId { get; init; }

    /// <summary>What was asked for it (a name, a credit code, a number), as typed.</summary>
    public required string Asked { get; init; }

    public DateTimeOffset AddedAt { get; init; }
}
