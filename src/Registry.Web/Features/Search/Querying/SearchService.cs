using Lucene.Net.Search;
using Npgsql;
using Registry.Domain.Lifecycle;
using Registry.Domain.Time;
using Registry.Web.Features.Search.Analysis;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>Runs one search: interpret the text, query the replica, count facets, mark names, re-check status.</summary>
public sealed class SearchService(SearchReplica replica, NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly Sort ByRelevanceThenId = new(SteadyRelevance.Field, new SortField(SearchFields.IdOrder, SortFieldType.INT64));

    public async Task<SearchOutcome> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = SearchRequestValidator.Validate(request);
        if (problems.Count > 0)
        {
            return new SearchOutcome(null, problems);
        }

        var now = clock.GetUtcNow();
        var interpretation = QueryInterpretation.Of(SearchText.Clean(request.Text));
        if (interpretation.Kind == QueryKind.Browse && !request.HasFilters)
        {
            // Nothing was asked (blank text, or only characters the cleaning drops): no results, not the whole registry.
            return new SearchOutcome(new SearchResults(request, interpretation, [], 0, FacetCounts.Empty, now), []);
        }

        using var lease = replica.Lease();
        if (lease is null)
        {
            return SearchOutcome.NotReady;
        }

        var today = RegistryCalendar.DateOf(now);
        var built = CertificateQueryBuilder.Build(request, interpretation, today);
        var skip = request.Skip;
        var top = TopFieldCollector.Create(ByRelevanceThenId, skip + request.PageSize, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        var facets = new FacetCollector(today);
        lease.Searcher.Search(built.Query, MultiCollector.Wrap(top, facets));

        // Doc values readers belong to the searching thread: read everything from the index before any await.
        var facetCounts = facets.Result();

        var docs = top.GetTopDocs(skip, request.PageSize).ScoreDocs;
        var found = docs.Select(d => (Record: CertificateDocument.Read(lease.Searcher.Doc(d.Doc)), d.Score)).ToList();
        var scores = found.ToDictionary(f => f.Record.CertificateId, f => f.Score);
        var live = await LiveStatus.RefreshAsync(dataSource, [.. found.Select(f => f.Record)], cancellationToken);
        var hits = live.Select(r => new SearchHit(
            r,
            r.Standing.StatusOn(r.ExpiresOn, today),
            Highlighting.Mark(SearchAnalyzers.ChineseName, SearchFields.Name, r.LegalNameZh, built.NameTerms),
            r.NameEn is null ? null : Highlighting.Mark(SearchAnalyzers.EnglishName, SearchFields.NameEn, r.NameEn, built.EnglishTerms),
            scores[r.CertificateId])).ToList();
        return new SearchOutcome(new SearchResults(request, interpretation, hits, top.TotalHits, facetCounts, now), []);
    }
}
