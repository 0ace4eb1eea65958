using GraphQL.Types;
using Registry.Web.Features.GraphQL.Paging;
namespace Registry.Web.Features.GraphQL.Api.Certificates;

public sealed class CertificateEdgeGraphType : ObjectGraphType<Edge<Certificate>>
{
    public CertificateEdgeGraphType()
    {
        Name = "CertificateEdge";
        Field(e => e.Cursor);
        Field<NonNullGraphType<CertificateGraphType>>("node").Resolve(c => c.Source.Node);
    }
}

public sealed class CertificateConnectionGraphType : ObjectGraphType<ConnectionPage<Certificate>>
{
    public CertificateConnectionGraphType()
    {
        Name = "CertificateConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CertificateEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field(c => c.TotalCount);
    }
}
