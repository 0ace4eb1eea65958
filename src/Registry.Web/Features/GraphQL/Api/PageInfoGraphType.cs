using GraphQL.Types;
using Registry.Web.Features.GraphQL.Paging;

namespace Registry.Web.Features.GraphQL.Api;

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where a page of a Relay connection sits. Pass endCursor as after to get the next page.";
        Field(p => p.HasNextPage);
        Field(p => p.HasPreviousPage);
        Field(p => p.StartCursor, nullable: true);
        Field(p => p.EndCursor, nullable: true);
    }
}
