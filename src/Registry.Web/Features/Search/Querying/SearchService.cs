using Lucene.Net.Search;
using Npgsql;
using Registry.Web.Features.Certificates.Caching;
using Registry.Web.Features.Search.Analysis;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>Runs one search: interpret the text, query the replica, count facets, mark names, re-check status.</summary>
/// <param name="changes">
/// The certificate cache, which follows the outbox and knows which certificates changed after the replica's position:
/// while it is in step only those are re-read from PostgreSQL, and the results are as of its last confirmation. Without
/// it (or out of step) every certificate on the page is re-read.
/// </param>
public sealed class SearchService(SearchReplica replica, NpgsqlDataSource dataSource, TimeProvider clock, CertificateRecordCache? changes = null)
{
    private static readonly Sort ByRelevanceThenId = new(SteadyRelevance.Field, IdOrder.Field);

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
        // fillFields: the page's certificate ids come with the sort values, so the PostgreSQL re-read can start
        // before the stored records are loaded.
        var top = TopFieldCollector.Create(ByRelevanceThenId, skip + request.PageSize, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        var facets = request.CountFacets ? new FacetCollector(today) : null;
        lease.Searcher.Search(built.Query, facets is null ? top : MultiCollector.Wrap(top, facets));
        var facetCounts = facets?.Result() ?? FacetCounts.Empty;
        var docs = top.GetTopDocs(skip, request.PageSize).ScoreDocs;
        var ids = docs.Select(d => CertificateIdOf((FieldDoc)d)).ToList();
        var asOf = now;
        IReadOnlyList<long> rereadIds = ids;
        if (changes is not null && changes.TryFindChangedAfter(lease.AppliedThrough, ids, out var confirmedAt, out var changed))
        {
            rereadIds = changed;
            asOf = confirmedAt < now ? confirmedAt : now;
        }

        var liveRead = LiveStatus.ReadAsync(dataSource, rereadIds, cancellationToken);

        // Doc values readers belong to the searching thread: read everything from the index before any await.
        List<MarkedRecord> marked;
        try
        {
            marked = [.. docs.Select(d => Marked(CertificateDocument.Read(lease.Searcher.Doc(d.Doc)), d.Score, built))];
        }
        catch
        {
            await ObserveAsync(liveRead);
            throw;
        }

        var live = await liveRead;
        var reread = rereadIds.ToHashSet();
        var hits = marked
            .Select(m => (reread.Contains(m.Record.CertificateId) ? LiveStatus.Apply(m.Record, live) : m.Record) is { } current
                ? new SearchHit(current, current.Standing.StatusOn(current.ExpiresOn, today), m.Name, m.NameEn, m.Score)
                : null)
            .OfType<SearchHit>()
            .ToList();
        return new SearchOutcome(new SearchResults(request, interpretation, hits, top.TotalHits, facetCounts, asOf), []);
    }

    /// <summary>The id sort field (the second) holds the certificate id.</summary>
    private static long CertificateIdOf(FieldDoc doc) => ((J2N.Numerics.Int64)doc.Fields[1]).ToInt64();

    private static MarkedRecord Marked(SearchRecord record, float score, BuiltQuery built) => new(
        record,
        Highlighting.Mark(SearchAnalyzers.ChineseName, SearchFields.Name, record.LegalNameZh, built.NameTerms),
        record.NameEn is null ? null : Highlighting.Mark(SearchAnalyzers.EnglishName, SearchFields.NameEn, record.NameEn, built.EnglishTerms),
        score);

    /// <summary>A page record as the index holds it, with its name marked, waiting for PostgreSQL's status.</summary>
    private sealed record MarkedRecord(SearchRecord Record, IReadOnlyList<TextSegment> Name, IReadOnlyList<TextSegment>? NameEn, float Score);

    private static async Task ObserveAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
        {
            // The search failed already; that failure is the one reported.
        }
    }
}
