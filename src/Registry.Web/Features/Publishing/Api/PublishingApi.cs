using System.Text.Json;
using Registry.Web.Features.ApiKeys;
using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.Publishing.Rows;

namespace Registry.Web.Features.Publishing.Api;

/// <summary>
/// The REST surface of <see cref="PublishingCommands"/> under /api/publishing, for certification bodies
/// with an API key: one route per change and the bulk endpoint (the audit log beside them is Features/Audit's). Each route only reads its
/// input and hands it to the service; what it may do is decided there. See README.md for the routes.
/// </summary>
public static class PublishingApi
{
    public const string Prefix = "/api/publishing";

    public static IEndpointRouteBuilder MapPublishingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapPublishingGroup();
        api.MapPost("/certificates", (HttpContext context, PublishingCommands commands) =>
            ChangeAsync(context, commands, PublishingOperations.Issue, number: null));
        api.MapPost("/certificates/{number}/{operation}", (string number, string operation, HttpContext context, PublishingCommands commands) =>
            ChangeAsync(context, commands, operation, PathNumber(number)));
        api.MapPost("/certificates/{number}/qr", IssueQrAsync);
        api.MapPost("/signing-keys/rotate", RotateAsync);
        api.MapPost("/signing-keys/{kid}/revoke", RevokeAsync);
        api.MapBulkPublishing();
        return app;
    }

    /// <summary>The routes under /api/publishing, for any feature that serves bodies there: an API key, its rate limit.</summary>
    public static RouteGroupBuilder MapPublishingGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup(Prefix)
            .RequireAuthorization(ApiKeyDefaults.CertificationBodyPolicy)
            .RequireRateLimiting(ApiKeyDefaults.RateLimitPolicy)
            // Bearer keys, not cookies: there is no ambient credential for a forged cross-site request to use.
            .DisableAntiforgery();

    private static async Task<IResult> ChangeAsync(HttpContext context, PublishingCommands commands, string operation, string? number)
    {
        var known = number is null
            ? operation == PublishingOperations.Issue
            : operation != PublishingOperations.Issue && PublishingOperations.CertificateChanges.Contains(operation);
        if (!known)
        {
            return ApiProblems.Result(StatusCodes.Status404NotFound, "No such operation", "UNKNOWN_OPERATION",
                $"'{operation}' is not an operation on a certificate; use one of {string.Join(", ", PublishingOperations.CertificateChanges.Skip(1))}.");
        }

        var (root, problem) = await JsonBody.ReadObjectAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var row = JsonFields.Read(1, root);
        if (number is not null)
        {
            if (row.Get(RowFields.Number) is { } inBody && inBody != number)
            {
                return PublishingHttp.BadRequest(PublishingErrorCodes.InvalidInput, "The certificate number is taken from the path; leave it out of the body.");
            }

            row = row with { Fields = new Dictionary<string, string?>(row.Fields) { [RowFields.Number] = number } };
        }

        var caller = PublishingHttp.Caller(context);
        var key = PublishingHttp.IdempotencyKey(context);
        var (command, error) = RowParser.Parse(operation, row with { Fields = row.Fields.Where(f => f.Key != RowFields.Operation).ToDictionary() });
        var result = command is null
            ? await commands.RefuseAsync(caller, operation, number ?? row.Get(RowFields.Number), error!, key, null, context.RequestAborted)
            : await RowDispatcher.RunAsync(commands, caller, operation, command, key, null, context.RequestAborted);
        return result.ToHttp(context);
    }

    /// <summary>
    /// The number from the path, with its separators: a body may write "/" in a number as %2F, which routing leaves
    /// escaped. What that second decoding gives passes the text rule like any field (%2500 becomes a NUL, refused).
    /// </summary>
    private static string PathNumber(string number) => Uri.UnescapeDataString(number);

    private static async Task<IResult> IssueQrAsync(string number, HttpContext context, PublishingCommands commands)
    {
        var (root, problem) = await JsonBody.ReadObjectAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        IResult? refusal = null;

        if (JsonBody.Unknown(root, "medium", "count") is { } unknown || !JsonBody.TryString(root, "medium", out var medium, out refusal))
        {
            return refusal ?? PublishingHttp.BadRequest(PublishingErrorCodes.InvalidInput, "The body is {\"medium\": \"Certificate\" | \"Plaque\" | \"PackagingMark\", \"count\": n}.");
        }

        var count = 1;
        if (root.TryGetProperty("count", out var given) && (given.ValueKind != JsonValueKind.Number || !given.TryGetInt32(out count)))
        {
            return PublishingHttp.BadRequest(PublishingErrorCodes.InvalidInput, "count must be a whole number.");
        }

        if (RowFields.TextProblem(RowFields.Number, PathNumber(number)) is { } badNumber)
        {
            return PublishingHttp.BadRequest(badNumber.Code, badNumber.Message);
        }

        var command = new IssueQrCommand(PathNumber(number), medium ?? string.Empty, count);
        return (await commands.IssueQrAsync(PublishingHttp.Caller(context), command, PublishingHttp.IdempotencyKey(context), context.RequestAborted)).ToHttp(context);
    }

    private static async Task<IResult> RotateAsync(HttpContext context, PublishingCommands commands)
    {
        var (root, problem) = await JsonBody.ReadObjectAsync(context, optional: true);
        if (problem is not null)
        {
            return problem;
        }

        IResult? refusal = null;

        if (JsonBody.Unknown(root, "expectedActiveKid") is not null || !JsonBody.TryString(root, "expectedActiveKid", out var expected, out refusal))
        {
            return refusal ?? PublishingHttp.BadRequest(PublishingErrorCodes.InvalidInput, "The body is empty or {\"expectedActiveKid\": \"…\"}.");
        }

        var result = await commands.RotateSigningKeyAsync(PublishingHttp.Caller(context), new RotateSigningKeyCommand(expected),
            PublishingHttp.IdempotencyKey(context), context.RequestAborted);
        return result.ToHttp(context);
    }

    private static async Task<IResult> RevokeAsync(string kid, HttpContext context, PublishingCommands commands)
    {
        var (root, problem) = await JsonBody.ReadObjectAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        IResult? refusal = null;

        if (JsonBody.Unknown(root, "reason") is not null || !JsonBody.TryString(root, "reason", out var reason, out refusal))
        {
            return refusal ?? PublishingHttp.BadRequest(PublishingErrorCodes.InvalidInput, "The body is {\"reason\": \"…\"}.");
        }

        var result = await commands.RevokeSigningKeyAsync(PublishingHttp.Caller(context), new RevokeSigningKeyCommand(kid, reason ?? string.Empty),
            PublishingHttp.IdempotencyKey(context), context.RequestAborted);
        return result.ToHttp(context);
    }
}
