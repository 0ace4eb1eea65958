using Registry.Domain.Lifecycle;

namespace Registry.Web.Features.Search.Querying;

/// <summary>What a user asked for: free text, filters and a page.</summary>
public sealed record SearchRequest
{
    public const int MaxTextLength = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 50;
    public const int MaxPage = 50;

    public string? Text { get; init; }

    public IReadOnlyList<CertificateStatus> Statuses { get; init; } = [];

    public IReadOnlyList<string> Levels { get; init; } = [];

    public IReadOnlyList<string> Bodies { get; init; } = [];

    public IReadOnlyList<string> Provinces { get; init; } = [];

    public DateOnly? ExpiresFrom { get; init; }

    public DateOnly? ExpiresTo { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    public bool HasFilters =>
        Statuses.Count > 0 || Levels.Count > 0 || Bodies.Count > 0 || Provinces.Count > 0 || ExpiresFrom is not null || ExpiresTo is not null;
}
