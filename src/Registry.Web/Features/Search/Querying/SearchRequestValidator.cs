namespace Registry.Web.Features.Search.Querying;

public static class SearchRequestValidator
{
    public static IReadOnlyList<SearchProblem> Validate(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<SearchProblem>();
        if ((request.Text?.Length ?? 0) > SearchRequest.MaxTextLength)
        {
            problems.Add(new(SearchProblem.TextTooLong, $"Search text has at most {SearchRequest.MaxTextLength} characters.", "q"));
        }

        if (request.Offset is { } offset)
        {
            ValidateWindow(offset, request.PageSize, problems);
        }
        else
        {
            if (request.Page is < 1 or > SearchRequest.MaxPage)
            {
                problems.Add(new(SearchProblem.BadPage, $"The page must be between 1 and {SearchRequest.MaxPage}; narrow the search to see more.", "page"));
            }

            if (request.PageSize is < 1 or > SearchRequest.MaxPageSize)
            {
                problems.Add(new(SearchProblem.BadPageSize, $"A page holds 1 to {SearchRequest.MaxPageSize} results.", "size"));
            }
        }

        if (request.ExpiresFrom is { } from && request.ExpiresTo is { } to && from > to)
        {
            problems.Add(new(SearchProblem.BadDateRange, "The expiry range ends before it starts.", "expiresTo"));
        }

        return problems;
    }

    // The same depth as paging by number allows, so that cursors reach no further into a result list than pages do.
    private static void ValidateWindow(int offset, int size, List<SearchProblem> problems)
    {
        if (size is < 1 or > SearchRequest.MaxWindowSize)
        {
            problems.Add(new(SearchProblem.BadPageSize, $"A window holds 1 to {SearchRequest.MaxWindowSize} results.", "first"));
        }

        if (offset < 0 || offset + Math.Max(size, 1) > SearchRequest.MaxDepth)
        {
            problems.Add(new(SearchProblem.BadPage, $"Results beyond the first {SearchRequest.MaxDepth} cannot be paged to; narrow the search to see more.", "after"));
        }
    }
}
