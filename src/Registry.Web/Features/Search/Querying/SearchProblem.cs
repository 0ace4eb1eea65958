namespace Registry.Web.Features.Search.Querying;

/// <summary>Why a search request cannot be run, with a stable code and a message for people.</summary>
public sealed record SearchProblem(string Code, string Message, string? Parameter = null, string? Value = null)
{
    public const string TextTooLong = "SEARCH_TEXT_TOO_LONG";
    public const string BadPage = "SEARCH_BAD_PAGE";
    public const string BadPageSize = "SEARCH_BAD_PAGE_SIZE";
    public const string BadFilter = "SEARCH_BAD_FILTER";
    public const string BadDateRange = "SEARCH_BAD_DATE_RANGE";
}
