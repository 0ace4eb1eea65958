using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using Registry.Domain.Geography;
using Registry.Domain.Levels;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.Search;

/// <summary>The one search box, with filters and facet counts; every parameter arrives in the query string.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PageCachePolicies.Search)]
public sealed class SearchPageModel(SearchService search, BodyNames bodyNames) : PageModel
{
    public SearchRequest Query { get; private set; } = new();

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<SearchProblem> Problems { get; private set; } = [];

    public bool IndexNotReady { get; private set; }

    public IReadOnlyDictionary<string, (string Zh, string En)> Bodies { get; private set; } = new Dictionary<string, (string, string)>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var problems = new List<SearchProblem>();
        Query = Read(Request.Query, problems);
        // Blank text alone asks nothing (the hint is shown); over-long text still goes to validation for its message.
        var asked = (Query.Text?.Length ?? 0) > SearchRequest.MaxTextLength || SearchText.Clean(Query.Text).Length > 0 || Query.HasFilters;
        if (problems.Count == 0 && asked)
        {
            var outcome = await search.SearchAsync(Query, cancellationToken);
            problems.AddRange(outcome.Problems);
            Results = outcome.Results;
            IndexNotReady = outcome.IndexNotReady;
        }

        Bodies = await bodyNames.ForAsync([.. Query.Bodies, .. Results?.Facets.Bodies.Select(b => b.Value) ?? []], cancellationToken);
        Problems = problems;
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (IndexNotReady)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "5";
        }

        return Page();
    }

    /// <summary>The address of this search with one parameter changed (for facet links and paging).</summary>
    public string Link(string name, string? value, bool toggle = false)
    {
        var query = Request.Query.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        query.Remove("page");
        if (name == "page")
        {
            query["page"] = [value];
        }
        else if (toggle)
        {
            var values = query.GetValueOrDefault(name) ?? [];
            query[name] = values.Contains(value) ? [.. values.Where(v => v != value)] : [.. values, value];
        }
        else
        {
            query[name] = [value];
        }

        var parts = query.SelectMany(p => p.Value.Where(v => !string.IsNullOrEmpty(v)).Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v!)}"));
        return "/search?" + string.Join("&", parts);
    }

    public bool IsChosen(string name, string value) => Request.Query[name].Contains(value);

    private static SearchRequest Read(IQueryCollection query, List<SearchProblem> problems) => new()
    {
        Text = query["q"].FirstOrDefault(),
        Statuses = [.. Values(query["status"], "status", problems, StatusName).Select(Enum.Parse<CertificateStatus>)],
        Levels = Values(query["level"], "level", problems, v => Schemes.Default.FindLevel(v)?.Code),
        Bodies = Values(query["body"], "body", problems, v => v.Length <= 32 && v.All(char.IsAsciiLetterOrDigit) ? v : null),
        Provinces = Values(query["province"], "province", problems, v => Provinces.FromCode(v)?.Code),
        ExpiresFrom = Date(query["expiresFrom"], "expiresFrom", problems),
        ExpiresTo = Date(query["expiresTo"], "expiresTo", problems),
        Page = Number(query["page"], 1, "page", problems),
        PageSize = Number(query["size"], SearchRequest.DefaultPageSize, "size", problems),
    };

    // Exact names only: Enum.TryParse would also take "Valid,Suspended" (flags) or "3".
    private static string? StatusName(string value) =>
        Enum.GetNames<CertificateStatus>().FirstOrDefault(n => n != nameof(CertificateStatus.NotIssued) && string.Equals(n, value, StringComparison.OrdinalIgnoreCase));

    private static List<string> Values(StringValues raw, string name, List<SearchProblem> problems, Func<string, string?> parse)
    {
        var values = new List<string>();
        foreach (var value in raw.Where(v => !string.IsNullOrEmpty(v)).Take(50))
        {
            if (parse(value!) is { } parsed)
            {
                values.Add(parsed);
            }
            else
            {
                problems.Add(new SearchProblem(SearchProblem.BadFilter, $"“{Shorten(value!)}” is not a valid value for {name}.", name, Shorten(value!)));
            }
        }

        return values;
    }

    private static DateOnly? Date(StringValues raw, string name, List<SearchProblem> problems)
    {
        if (raw.FirstOrDefault() is not { Length: > 0 } value)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (QueryDates.Contains(date))
            {
                return date;
            }

            problems.Add(new SearchProblem(SearchProblem.BadFilter, "Dates must lie between 2000-01-01 and 2199-12-31.", name));
            return null;
        }

        problems.Add(new SearchProblem(SearchProblem.BadFilter, "Dates are written as yyyy-MM-dd, e.g. 2027-03-05.", name));
        return null;
    }

    private static int Number(StringValues raw, int fallback, string name, List<SearchProblem> problems)
    {
        if (raw.FirstOrDefault() is not { Length: > 0 } value)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add(new SearchProblem(name == "page" ? SearchProblem.BadPage : SearchProblem.BadPageSize, $"“{Shorten(value)}” is not a valid value for {name}.", name, Shorten(value)));
        return fallback;
    }

    private static string Shorten(string value) => value.Length > 30 ? value[..30] + "…" : value;
}
