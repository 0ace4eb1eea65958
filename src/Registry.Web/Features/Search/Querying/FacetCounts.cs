namespace Registry.Web.Features.Search.Querying;

public sealed record FacetValue(string Value, int Count);

/// <summary>How many matching certificates carry each value of each filter.</summary>
public sealed record FacetCounts(
    IReadOnlyList<FacetValue> Statuses,
    IReadOnlyList<FacetValue> Levels,
    IReadOnlyList<FacetValue> Bodies,
    IReadOnlyList<FacetValue> Provinces)
{
    public static FacetCounts Empty { get; } = new([], [], [], []);

    public int CountOf(CertificateStatus status) => Statuses.FirstOrDefault(s => s.Value == status.ToString())?.Count ?? 0;
}
