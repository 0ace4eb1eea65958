using GraphQL.Types;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.GraphQL.Api.Search;

// GraphQL.NET writes each member in CONSTANT_CASE (NotIssued → NOT_ISSUED), the same strings the REST verdict uses.
public sealed class SearchQueryKindGraphType : EnumerationGraphType<QueryKind>
{
    public SearchQueryKindGraphType()
    {
        Name = "SearchQueryKind";
        Description = "What the search took the typed text to be.";
    }
}
