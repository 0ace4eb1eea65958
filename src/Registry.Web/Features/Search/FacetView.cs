using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.Search;

/// <summary>One filter group as the page shows it: values with counts, each a link that toggles it.</summary>
public sealed record FacetView(string Parameter, string Title, IReadOnlyList<FacetValue> Values, Func<string, string> Label, SearchPageModel Page);
