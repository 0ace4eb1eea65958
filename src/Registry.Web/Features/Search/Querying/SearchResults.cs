using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

public sealed record SearchHit(
    SearchRecord Record,
    CertificateStatus Status,
    IReadOnlyList<TextSegment> Name,
    IReadOnlyList<TextSegment>? NameEn,
    float Score);

public sealed record SearchResults(
    SearchRequest Request,
    QueryInterpretation Interpretation,
    IReadOnlyList<SearchHit> Hits,
    int TotalHits,
    FacetCounts Facets,
    DateTimeOffset AsOf)
{
    public int PageCount => Math.Min(SearchRequest.MaxPage, (TotalHits + Request.PageSize - 1) / Request.PageSize);
}

/// <summary>Either results, the problems that kept the search from running, or "not ready yet".</summary>
public sealed record SearchOutcome(SearchResults? Results, IReadOnlyList<SearchProblem> Problems, bool IndexNotReady = false)
{
    public static SearchOutcome NotReady { get; } = new(null, [], IndexNotReady: true);
}
