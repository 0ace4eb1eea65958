namespace Registry.Web.Features.GraphQL.Errors;

/// <summary>
/// The stable values of <c>extensions.code</c> that this API adds to the domain's own codes
/// (<see cref="Registry.Domain.DomainErrorCodes"/>) and the search's (<see cref="Search.Querying.SearchProblem"/>).
/// Clients match on these, so never rename one; README.md lists them with their HTTP status.
/// </summary>
public static class ErrorCodes
{
    // The HTTP request itself.
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>A mutation (or a field for bodies only, like auditLog) without a valid API key.</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    // The document, before anything runs.
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string OperationNotFound = "OPERATION_NOT_FOUND";
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";
    public const string InvalidVariableValue = "INVALID_VARIABLE_VALUE";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";
    public const string InvalidDate = "INVALID_DATE";
    public const string InvalidDateTime = "INVALID_DATE_TIME";
    public const string InvalidText = Registry.Domain.Text.InputText.InvalidTextCode;

    // Arguments checked while the operation runs.
    public const string PageSizeOutOfRange = "PAGE_SIZE_OUT_OF_RANGE";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string SearchNotReady = "SEARCH_NOT_READY";
    public const string PayloadRequired = "PAYLOAD_REQUIRED";
    public const string PayloadTooLarge = "TOO_LARGE";
    public const string TooManyRows = "TOO_MANY_ROWS";

    // Subscriptions (graphql-transport-ws).
    public const string SubscriptionsUnavailable = "SUBSCRIPTIONS_UNAVAILABLE";
    public const string TooManySubscriptions = "TOO_MANY_SUBSCRIPTIONS";

    // Anything the server did not foresee; details go to the log, never to the client.
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>The registry's database cannot be reached: HTTP 503 with Retry-After; try again.</summary>
    public const string ServiceUnavailable = "SERVICE_UNAVAILABLE";
    public const string Timeout = "TIMEOUT";
    public const string ExecutionFailed = "GRAPHQL_EXECUTION_FAILED";
}
