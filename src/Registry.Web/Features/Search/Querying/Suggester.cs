using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Domain.Identifiers;
using Registry.Web.Features.Search.Analysis;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

public sealed record Suggestion(string Text, string Number, string Kind);

/// <summary>Type-ahead: names that start with what was typed (edge n-grams), and numbers with that prefix.</summary>
public sealed class Suggester(SearchReplica replica)
{
    public const int MaxPrefixLength = 20;
    public const int MaxSuggestions = 10;

    public IReadOnlyList<Suggestion> Suggest(string? typed, int limit = 8)
    {
        var text = SearchText.Clean(typed);
        if (text.Length == 0 || text.Length > MaxPrefixLength)
        {
            return [];
        }

        using var lease = replica.Lease();
        if (lease is null)
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, MaxSuggestions);
        var suggestions = new List<Suggestion>();
        var folded = IdentifierText.Fold(text);
        if (folded.Length >= 2 && folded.All(char.IsAsciiLetterOrDigit) && folded.Any(char.IsAsciiDigit))
        {
            foreach (var record in Top(lease.Searcher, new PrefixQuery(new Term(SearchFields.Number, folded)), limit))
            {
                suggestions.Add(new Suggestion(record.Number, record.NormalizedNumber, "number"));
            }
        }

        var prefix = SearchAnalyzers.Analyze(SearchAnalyzers.PrefixQuery, SearchFields.Suggest, text).Select(t => t.Term).FirstOrDefault();
        if (prefix is not null && suggestions.Count < limit)
        {
            foreach (var record in Top(lease.Searcher, new TermQuery(new Term(SearchFields.Suggest, prefix)), limit * 3))
            {
                var name = NameStartingWith(record, prefix);
                if (suggestions.All(s => s.Text != name))
                {
                    suggestions.Add(new Suggestion(name, record.NormalizedNumber, "name"));
                }

                if (suggestions.Count == limit)
                {
                    break;
                }
            }
        }

        return suggestions;
    }

    private static IEnumerable<SearchRecord> Top(IndexSearcher searcher, Query query, int count) =>
        searcher.Search(query, count).ScoreDocs.Select(d => CertificateDocument.Read(searcher.Doc(d.Doc)));

    // The document matched through one of its names; offer the one that starts with the prefix.
    private static string NameStartingWith(SearchRecord record, string prefix) =>
        CertificateDocument.Names(record).Append(record.NameEn ?? string.Empty)
            .FirstOrDefault(n => ChineseFolding.FoldForMatching(n).StartsWith(prefix, StringComparison.Ordinal))
        ?? record.LegalNameZh;
}
