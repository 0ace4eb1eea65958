using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Registry.Domain.Text;
using Registry.Signing.Payloads;
using Registry.Web.Features.Input;

namespace Registry.Web.Features.Verification;

/// <summary>
/// GET /api/verify?payload=… and POST /api/verify {"scanned": "…"}: the verdict as JSON. A verdict of any
/// kind is 200; input that cannot be a code at all (none, or longer than any code) is a 400 problem
/// (RFC 9457) with a stable "code" extension, and is refused before any decoding or cryptography.
/// </summary>
internal static class VerifyApi
{
    /// <summary>A JSON body around the longest scan, with room for whitespace; anything bigger is not read.</summary>
    private const int MaxBodyBytes = 4 * PayloadLimits.MaxScannedTextLength;

    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/verify", (string? payload, HttpContext context, CancellationToken cancellationToken) =>
            AnswerAsync(payload, context, cancellationToken)).CacheOutput(PageCache.PageCachePolicies.Verdict);
        app.MapPost("/api/verify", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var (scanned, problem) = await ReadBodyAsync(context, cancellationToken);
            return problem ?? await AnswerAsync(scanned, context, cancellationToken);
        });
        return app;
    }

    private static async Task<IResult> AnswerAsync(string? scanned, HttpContext context, CancellationToken cancellationToken)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (string.IsNullOrEmpty(scanned))
        {
            return Problem("PAYLOAD_REQUIRED", text["Nothing to verify: give the scanned text (a /V/ link or the bare payload)."]);
        }

        if (scanned.Length > PayloadLimits.MaxScannedTextLength)
        {
            return TooLarge(text);
        }

        var verdict = await context.RequestServices.GetRequiredService<IVerifier>().VerifyAsync(scanned, cancellationToken);
        if (VerdictHttp.StatusCode(verdict) != StatusCodes.Status200OK)
        {
            return TooLarge(text);
        }

        var host = context.RequestServices.GetRequiredService<IOptions<VerificationOptions>>().Value.PublicHost;
        return Results.Json(VerdictJson.From(verdict, text, host));
    }

    private static async Task<(string? Scanned, IResult? Problem)> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge(text));
        }

        var body = await CappedBody.ReadAsync(context.Request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(text));
        }

        if (JsonText.CheckBody(body) is { } notUtf8)
        {
            return (null, Problem(InputText.InvalidTextCode, notUtf8.Message));
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("scanned", out var scanned)
                || scanned.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, Problem("BAD_REQUEST_BODY", text["The body must be a JSON object whose member scanned holds the scanned text as a string."]));
            }

            var (value, refusal) = JsonText.ReadString(scanned, "scanned");
            return refusal is null ? (value, null) : (null, Problem(InputText.InvalidTextCode, refusal.Message));
        }
        catch (JsonException)
        {
            return (null, Problem("BAD_REQUEST_BODY", text["The body must be a JSON object whose member scanned holds the scanned text as a string."]));
        }
    }

    private static IResult TooLarge(IStringLocalizer text) =>
        Problem("TOO_LARGE", text["This is far longer than any code the registry prints, so it is not one of them."]);

    private static IResult Problem(string code, string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The input is not a code that can be verified",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["code"] = code });
}
