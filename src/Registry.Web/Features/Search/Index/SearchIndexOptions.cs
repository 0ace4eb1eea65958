using System.ComponentModel.DataAnnotations;

namespace Registry.Web.Features.Search.Index;

public sealed class SearchIndexOptions
{
    public const string Section = "Search";

    /// <summary>
    /// This instance's replica: a folder of index generations and a pointer to the current one. Every web
    /// instance needs its own; the operator commands take the same setting to work on it.
    /// </summary>
    [Required]
    public string IndexPath { get; set; } = "search-index";

    /// <summary>How long the follower waits for a notification before looking at the outbox anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// After applying changes the follower rests this long before applying more, so that a burst of publishing
    /// (bulk rows commit one by one) is applied in a few batches rather than one reopen of the index per change.
    /// A change after a quiet spell is applied at once; one in a burst waits at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan ApplyInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
