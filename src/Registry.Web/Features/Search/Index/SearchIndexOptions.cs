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
}
