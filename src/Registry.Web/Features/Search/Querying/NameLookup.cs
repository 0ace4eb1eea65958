using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>The certificates one typed name found: of holders with exactly that name, or else the best partial matches.</summary>
public sealed record NameMatches(IReadOnlyList<long> CertificateIds, bool Exact);

/// <summary>
/// Many names against the index at once, as a bulk check asks them: first the whole-name key (legal, former and
/// English names, folded as the index folds them), and only for a name no holder has, the search's own name query.
/// Ids only: the caller reads what it shows from PostgreSQL, so the status is never the index's.
/// </summary>
public sealed class NameLookup(SearchReplica replica, TimeProvider clock)
{
    /// <summary>Null when this instance's index is not ready yet.</summary>
    public IReadOnlyList<NameMatches>? Find(IReadOnlyList<string> names, int maxPartial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        using var lease = replica.Lease();
        if (lease is null)
        {
            return null;
        }

        var today = RegistryCalendar.DateOf(clock.GetUtcNow());
        var found = new List<NameMatches>(names.Count);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exact = Ids(lease.Searcher, new TermQuery(new Term(SearchFields.NameKey, CertificateQueryBuilder.WholeNameKey(name))), SearchRequest.MaxWindowSize);
            if (exact.Count > 0)
            {
                found.Add(new NameMatches(exact, Exact: true));
                continue;
            }

            var interpretation = QueryInterpretation.Of(SearchText.Clean(name));
            var partial = interpretation.Kind == QueryKind.Browse
                ? []
                : Ids(lease.Searcher, CertificateQueryBuilder.Build(new SearchRequest { Text = name }, interpretation, today).Query, maxPartial);
            found.Add(new NameMatches(partial, Exact: false));
        }

        return found;
    }

    private static readonly Sort ByScoreThenId = new(SortField.FIELD_SCORE, IdOrder.Field);

    // The id comes with the sort values (doc values), so no stored document is read.
    private static List<long> Ids(IndexSearcher searcher, Query query, int max) =>
        [.. searcher.Search(query, null, max, ByScoreThenId, doDocScores: false, doMaxScore: false).ScoreDocs
            .Select(d => ((J2N.Numerics.Int64)((FieldDoc)d).Fields[1]).ToInt64())];
}
