using Registry.Domain;
using Registry.Web.Features.ApiKeys;

namespace Registry.Web.Features.Publishing.Api;

/// <summary>How publishing results travel over REST: 200 with the payload, or an RFC 9457 problem with the error's code.</summary>
internal static class PublishingHttp
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static IResult ToHttp<T>(this PublishingResult<T> result, HttpContext context)
        where T : class
    {
        if (result.Replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }

        return result.Succeeded
            ? Results.Ok(result.Value)
            : ApiProblems.Result(StatusFor(result.Error.Code), "The registry refused the change", result.Error.Code, result.Error.Message,
                new Dictionary<string, object?> { ["replayed"] = result.Replayed });
    }

    public static int StatusFor(string code) => code switch
    {
        PublishingErrorCodes.InvalidInput or PublishingErrorCodes.FieldTooLong or PublishingErrorCodes.IdempotencyKeyInvalid
            or PublishingErrorCodes.InvalidText or DomainErrorCodes.DateOutOfRange
            or DomainErrorCodes.MalformedCertificateNumber or DomainErrorCodes.MalformedCreditCode or DomainErrorCodes.CreditCodeCheckFailed
            => StatusCodes.Status400BadRequest,
        DomainErrorCodes.NotYourCertificate or PublishingErrorCodes.NotYourSigningKey => StatusCodes.Status403Forbidden,
        DomainErrorCodes.CertificateNotFound or PublishingErrorCodes.UnknownSigningKey => StatusCodes.Status404NotFound,
        DomainErrorCodes.ConcurrentChange or DomainErrorCodes.OutdatedVersion or PublishingErrorCodes.IdempotencyKeyReused
            or DomainErrorCodes.DuplicateCertificateNumber => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>The caller; the endpoints require the body policy, so a missing one is a wiring error.</summary>
    public static PublishingCaller Caller(HttpContext context) =>
        context.PublishingCaller() ?? throw new InvalidOperationException("A publishing endpoint ran without an authenticated API key.");

    public static string? IdempotencyKey(HttpContext context) =>
        context.Request.Headers.TryGetValue(IdempotencyKeyHeader, out var values) ? values.ToString() : null;

    public static IResult BadRequest(string code, string detail) =>
        ApiProblems.Result(StatusCodes.Status400BadRequest, "The request is malformed", code, detail);

    public static IResult TooLarge(string detail) =>
        ApiProblems.Result(StatusCodes.Status413PayloadTooLarge, "The request is too large", "TOO_LARGE", detail);
}
