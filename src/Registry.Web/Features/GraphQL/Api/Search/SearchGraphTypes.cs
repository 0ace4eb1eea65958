using GraphQL.Types;
using Registry.Domain.Geography;
using Registry.Domain.Levels;
using Registry.Web.Features.Certificates;
using Registry.Web.Features.GraphQL.Api.Certificates;
using Registry.Web.Features.GraphQL.Api.Scalars;
using Registry.Web.Features.GraphQL.Loaders;
using Registry.Web.Features.GraphQL.Paging;
using Registry.Web.Features.Search;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.GraphQL.Api.Search;

/// <summary>One page of search results with the facets and interpretation of the whole result list.</summary>
public sealed record SearchPage(ConnectionPage<SearchHit> Hits, SearchResults Results);

public sealed record StatusCount(CertificateStatus Status, int Count);

/// <summary>A facet value with its labels in both languages, when the value has names.</summary>
public sealed record LabelledFacet(string Value, int Count, string? NameZh, string? NameEn);

public sealed class SearchConnectionGraphType : ObjectGraphType<SearchPage>
{
    public SearchConnectionGraphType()
    {
        Name = "SearchConnection";
        Description = "A page of search results (a Relay connection), with facet counts over every match.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchEdgeGraphType>>>>("edges").Resolve(c => c.Source.Hits.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.Hits.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("Every match, including those beyond the depth that can be paged to.")
            .Resolve(c => c.Source.Hits.TotalCount);
        Field<NonNullGraphType<SearchFacetsGraphType>>("facets").Resolve(c => c.Source);
        Field<NonNullGraphType<SearchQueryKindGraphType>>("interpretedAs").Description("What the text was taken to be.")
            .Resolve(c => c.Source.Results.Interpretation.Kind);
        Field<NonNullGraphType<InstantGraphType>>("asOf").Description("The instant statuses were read for.").Resolve(c => c.Source.Results.AsOf);
    }
}

public sealed class SearchEdgeGraphType : ObjectGraphType<Edge<SearchHit>>
{
    public SearchEdgeGraphType()
    {
        Name = "SearchEdge";
        Field(e => e.Cursor);
        Field<NonNullGraphType<CertificateGraphType>>("node").Resolve(c =>
        {
            var loaders = c.Loaders();
            return loaders.Records.Load(c.Source.Node.Record.CertificateId).Then(record =>
            {
                if (record is not null)
                {
                    // The record holds the body, holder and events the certificate's fields ask for.
                    loaders.Prime(record);
                }

                return record?.Certificate;
            });
        });
        Field<NonNullGraphType<FloatGraphType>>("score").Description("Relevance; only its order means anything.").Resolve(c => (double)c.Source.Node.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TextSegmentGraphType>>>>("nameZh")
            .Description("The holder's legal name in segments, the parts the text matched marked.").Resolve(c => c.Source.Node.Name);
        Field<ListGraphType<NonNullGraphType<TextSegmentGraphType>>>("nameEn").Resolve(c => c.Source.Node.NameEn);
    }
}

public sealed class TextSegmentGraphType : ObjectGraphType<TextSegment>
{
    public TextSegmentGraphType()
    {
        Name = "TextSegment";
        Description = "A run of text, and whether the search text matched it (for highlighting).";
        Field(s => s.Text);
        Field(s => s.Matched);
    }
}

public sealed class SearchFacetsGraphType : ObjectGraphType<SearchPage>
{
    public SearchFacetsGraphType()
    {
        Name = "SearchFacets";
        Description = "How many matches carry each value of each filter, most first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatusFacetGraphType>>>>("statuses")
            .Resolve(c => c.Source.Results.Facets.Statuses.Select(v => new StatusCount(Enum.Parse<CertificateStatus>(v.Value), v.Count)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("levels").Resolve(c => c.Source.Results.Facets.Levels
            .Select(v => Schemes.Default.FindLevel(v.Value) is { } level ? new LabelledFacet(v.Value, v.Count, level.NameZh, level.NameEn) : new LabelledFacet(v.Value, v.Count, null, null))
            .ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("bodies").ResolveAsync(async c =>
        {
            var values = c.Source.Results.Facets.Bodies;
            var names = await c.Service<BodyNames>().ForAsync([.. values.Select(v => v.Value)], c.CancellationToken);
            return values.Select(v => names.TryGetValue(v.Value, out var name) ? new LabelledFacet(v.Value, v.Count, name.Zh, name.En) : new LabelledFacet(v.Value, v.Count, null, null)).ToList();
        });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("provinces").Resolve(c => c.Source.Results.Facets.Provinces
            .Select(v => Provinces.FromCode(v.Value) is { } p ? new LabelledFacet(v.Value, v.Count, p.NameZh, p.NameEn) : new LabelledFacet(v.Value, v.Count, null, null))
            .ToList());
    }
}

public sealed class StatusFacetGraphType : ObjectGraphType<StatusCount>
{
    public StatusFacetGraphType()
    {
        Name = "StatusFacet";
        Field<NonNullGraphType<CertificateStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<StringGraphType>>("nameZh").Resolve(c => c.Service<Bilingual>().Chinese(text => Labels.Status(text, c.Source.Status)));
        Field<NonNullGraphType<StringGraphType>>("nameEn").Resolve(c => c.Service<Bilingual>().English(text => Labels.Status(text, c.Source.Status)));
    }
}

public sealed class FacetValueGraphType : ObjectGraphType<LabelledFacet>
{
    public FacetValueGraphType()
    {
        Name = "FacetValue";
        Description = "A filter value (a level code, body code or province code) and how many matches carry it.";
        Field(f => f.Value);
        Field(f => f.Count);
        Field(f => f.NameZh, nullable: true);
        Field(f => f.NameEn, nullable: true);
    }
}

public sealed class SearchFilterInputGraphType : InputObjectGraphType<SearchFilter>
{
    public SearchFilterInputGraphType()
    {
        Name = "SearchFilter";
        Description = "Filters combine with AND; the values within one filter with OR.";
        Field<ListGraphType<NonNullGraphType<CertificateStatusGraphType>>>("statuses").Description("Status today (NOT_ISSUED is not a filter value).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("levels").Description("Level codes, e.g. four-star.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("bodies").Description("Certification body codes.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("provinces").Description("Two-digit province codes, e.g. 33.");
        Field<CalendarDateGraphType>("expiresFrom").Description("Expiring on or after this date.");
        Field<CalendarDateGraphType>("expiresTo").Description("Expiring on or before this date.");
    }
}

/// <summary>What the SearchFilter input object binds to.</summary>
public sealed class SearchFilter
{
    public IReadOnlyList<CertificateStatus>? Statuses { get; set; }

    public IReadOnlyList<string>? Levels { get; set; }

    public IReadOnlyList<string>? Bodies { get; set; }

    public IReadOnlyList<string>? Provinces { get; set; }

    public DateOnly? ExpiresFrom { get; set; }

    public DateOnly? ExpiresTo { get; set; }
}
