using Lucene.Net.Index;
using Lucene.Net.Search;
using Registry.Web.Features.Search.Analysis;
using Registry.Web.Features.Search.Index;

namespace Registry.Web.Features.Search.Querying;

/// <summary>The query a search runs, plus the name terms it matched on (for highlighting).</summary>
public sealed record BuiltQuery(Query Query, IReadOnlySet<string> NameTerms, IReadOnlySet<string> EnglishTerms);

/// <summary>
/// Builds Lucene queries in code from what was typed; user text is analysed into terms and never parsed
/// as query syntax. Ranking, by boost: an exact identifier, then a whole name, then every part of a name.
/// </summary>
public static class CertificateQueryBuilder
{
    private const float CreditCodeBoost = 1000f;
    private const float ExactNumberBoost = 500f;
    private const float WholeNameBoost = 100f;
    private const float NumberPrefixBoost = 20f;
    private const float EnglishNameBoost = 2f;
    private const float NamePartsBoost = 1f;
    private const float FuzzyEnglishBoost = 0.3f;
    private const float ScopeBoost = 0.2f;
    private const int MinimumFuzzyLength = 5;

    // Quote marks people put around a name they paste ("…", “…”, 「…」); no legal name starts or ends with one.
    private static readonly char[] QuoteMarks = ['"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '\u300C', '\u300D', '\u300E', '\u300F', '\uFF02', '\uFF07'];

    public static BuiltQuery Build(SearchRequest request, QueryInterpretation interpretation, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(interpretation);
        var nameTerms = new HashSet<string>(StringComparer.Ordinal);
        var englishTerms = new HashSet<string>(StringComparer.Ordinal);
        var filter = Filter(request, today);
        Query root;
        if (interpretation.Kind == QueryKind.Browse)
        {
            root = filter is null ? new MatchAllDocsQuery() : new ConstantScoreQuery(filter);
        }
        else
        {
            var text = TextQuery(interpretation, nameTerms, englishTerms);
            root = filter is null ? text : new FilteredQuery(text, filter);
        }

        return new BuiltQuery(root, nameTerms, englishTerms);
    }

    private static BooleanQuery TextQuery(QueryInterpretation interpretation, HashSet<string> nameTerms, HashSet<string> englishTerms)
    {
        var text = new BooleanQuery();
        if (interpretation.CreditCode is { } code)
        {
            text.Add(Boosted(new TermQuery(new Term(SearchFields.CreditCode, code)), CreditCodeBoost), Occur.SHOULD);
            return text;
        }

        if (interpretation.Number is { } number)
        {
            text.Add(Boosted(new TermQuery(new Term(SearchFields.Number, number)), ExactNumberBoost), Occur.SHOULD);
            text.Add(Boosted(new PrefixQuery(new Term(SearchFields.Number, number)), NumberPrefixBoost), Occur.SHOULD);
        }

        var key = WholeNameKey(interpretation.Text);
        text.Add(Boosted(new TermQuery(new Term(SearchFields.NameKey, key)), WholeNameBoost), Occur.SHOULD);

        if (AllTerms(SearchFields.Name, NameTerms(interpretation.Text)) is { } nameParts)
        {
            nameTerms.UnionWith(NameTerms(interpretation.Text));
            text.Add(Boosted(nameParts, NamePartsBoost), Occur.SHOULD);
            if (AllTerms(SearchFields.Scope, NameTerms(interpretation.Text)) is { } scope)
            {
                text.Add(Boosted(scope, ScopeBoost), Occur.SHOULD);
            }
        }

        // English names hold no Chinese, so text without a Latin letter cannot match one: skip the terms.
        var english = interpretation.Text.Any(char.IsAsciiLetter)
            ? SearchAnalyzers.Analyze(SearchAnalyzers.EnglishName, SearchFields.NameEn, interpretation.Text).Select(t => t.Term).Distinct().ToList()
            : [];
        if (english.Count > 0)
        {
            englishTerms.UnionWith(english);
            text.Add(Boosted(AllTerms(SearchFields.NameEn, english)!, EnglishNameBoost), Occur.SHOULD);
            if (interpretation.Number is null && english.Any(IsFuzzyCandidate))
            {
                text.Add(Boosted(FuzzyAll(SearchFields.NameEn, english), FuzzyEnglishBoost), Occur.SHOULD);
            }
        }

        return text;
    }

    /// <summary>
    /// The terms a name query needs: its bigrams when it has two or more Chinese characters together
    /// (any part of a name matches, in order), otherwise its single characters and words.
    /// </summary>
    public static IReadOnlyList<string> NameTerms(string text)
    {
        var tokens = SearchAnalyzers.Analyze(SearchAnalyzers.ChineseName, SearchFields.Name, text);
        var bigrams = tokens.Where(t => t.Type == "<DOUBLE>").Select(t => t.Term).ToList();
        var covered = new HashSet<int>();
        foreach (var bigram in tokens.Where(t => t.Type == "<DOUBLE>"))
        {
            covered.Add(bigram.StartOffset);
            covered.Add(bigram.EndOffset - 1);
        }

        // Single characters that no bigram covers (a lone Han character between Latin words) and Latin or digit words.
        var singles = tokens.Where(t => t.Type != "<DOUBLE>" && !(t.Type == "<SINGLE>" && covered.Contains(t.StartOffset)))
            .Select(t => t.Term);
        return bigrams.Concat(singles).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The typed text as the index keys whole names: folded, and without quote marks around it.</summary>
    public static string WholeNameKey(string text) => ChineseFolding.FoldForMatching(text.Trim().Trim(QuoteMarks).Trim());

    private static BooleanQuery? AllTerms(string field, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            all.Add(new TermQuery(new Term(field, term)), Occur.MUST);
        }

        return all;
    }

    // Typos are forgiven in words only: a digit typo names another certificate, and each fuzzy term costs an automaton.
    private static bool IsFuzzyCandidate(string term) => term.Length >= MinimumFuzzyLength && term.All(char.IsLetter);

    private static BooleanQuery FuzzyAll(string field, IReadOnlyList<string> terms)
    {
        var all = new BooleanQuery();
        foreach (var term in terms)
        {
            all.Add(IsFuzzyCandidate(term) ? new FuzzyQuery(new Term(field, term), maxEdits: 1) : new TermQuery(new Term(field, term)), Occur.MUST);
        }

        return all;
    }

    /// <summary>Every filter of the request as one cached filter, or null when there are none.</summary>
    private static Filter? Filter(SearchRequest request, DateOnly today)
    {
        if (!request.HasFilters)
        {
            return null;
        }

        var statuses = request.Statuses.Distinct().Order().ToList();
        var levels = Canonical(request.Levels);
        var bodies = Canonical(request.Bodies);
        var provinces = Canonical(request.Provinces);
        var key = string.Join('|',
            string.Join(',', statuses), string.Join(',', levels), string.Join(',', bodies), string.Join(',', provinces),
            request.ExpiresFrom?.DayNumber, request.ExpiresTo?.DayNumber);
        return FilterBitSets.For(key, today, () =>
        {
            var all = new BooleanQuery();
            if (statuses.Count > 0)
            {
                all.Add(FilterQueries.Any(statuses.Select(s => FilterQueries.Status(s, today))), Occur.MUST);
            }

            if (levels.Count > 0)
            {
                all.Add(FilterQueries.AnyOf(SearchFields.Level, levels), Occur.MUST);
            }

            if (bodies.Count > 0)
            {
                all.Add(FilterQueries.AnyOf(SearchFields.Body, bodies), Occur.MUST);
            }

            if (provinces.Count > 0)
            {
                all.Add(FilterQueries.AnyOf(SearchFields.Province, provinces), Occur.MUST);
            }

            if (request.ExpiresFrom is not null || request.ExpiresTo is not null)
            {
                all.Add(FilterQueries.ExpiresBetween(request.ExpiresFrom, request.ExpiresTo), Occur.MUST);
            }

            return all;
        });
    }

    private static List<string> Canonical(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static Query Boosted(Query query, float boost)
    {
        query.Boost = boost;
        return query;
    }
}
