using System.ComponentModel.DataAnnotations;

namespace Registry.Web.Features.WatchLists;

/// <summary><c>WatchLists:*</c> settings.</summary>
public sealed class WatchListOptions
{
    public const string Section = "WatchLists";

    /// <summary>Certificates on one list at most (a tender's bidders, with room to spare).</summary>
    [Range(1, 1000)]
    public int MaxCertificates { get; set; } = 1000;

    /// <summary>A list whose page and feed nobody has read for this long is deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(400);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The newest status changes a feed carries; older ones stay on the certificates' pages.</summary>
    [Range(1, 1000)]
    public int FeedEntries { get; set; } = 200;
}
