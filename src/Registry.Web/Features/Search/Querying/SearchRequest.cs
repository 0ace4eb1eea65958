namespace Registry.Web.Features.Search.Querying;

/// <summary>What a user asked for: free text, filters and a page.</summary>
public sealed record SearchRequest
{
    public const int MaxTextLength = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const int MaxPage = 50;

    /// <summary>How deep any caller may page into one result list, whether by page number or by offset.</summary>
    public const int MaxDepth = MaxPage * MaxPageSize;

    /// <summary>The largest window a caller that pages by offset (the GraphQL API's cursors) may ask for at once.</summary>
    public const int MaxWindowSize = 100;

    public string? Text { get; init; }

    public IReadOnlyList<CertificateStatus> Statuses { get; init; } = [];

    public IReadOnlyList<string> Levels { get; init; } = [];

    public IReadOnlyList<string> Bodies { get; init; } = [];

    public IReadOnlyList<string> Provinces { get; init; } = [];

    public DateOnly? ExpiresFrom { get; init; }

    public DateOnly? ExpiresTo { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>
    /// Where the window starts, for callers that page by cursor rather than by page number; null means
    /// <see cref="Page"/> decides. Cursors carry an offset, and a client may change its page size between
    /// requests, so the window need not line up with pages.
    /// </summary>
    public int? Offset { get; init; }

    /// <summary>
    /// Whether the facet counts are wanted: counting visits every match, which for a broad name is most of a search's
    /// time; an API client that asks for no facets is spared it (its facets are then empty).
    /// </summary>
    public bool CountFacets { get; init; } = true;

    /// <summary>How many hits come before the window.</summary>
    public int Skip => Offset ?? (Page - 1) * PageSize;

    public bool HasFilters =>
        Statuses.Count > 0 || Levels.Count > 0 || Bodies.Count > 0 || Provinces.Count > 0 || ExpiresFrom is not null || ExpiresTo is not null;
}
