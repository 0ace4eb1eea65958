using Registry.Domain;
using Registry.Web.Features.ApiKeys;

namespace Registry.Web.Features.Audit;

/// <summary>
/// GET /api/publishing/audit?certificate=&amp;from=&amp;to=&amp;limit=&amp;before=: the calling body's own audit
/// entries, newest first. Times are ISO 8601 instants, or dates (yyyy-MM-dd: the start of that day in China).
/// </summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditLog(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", HandleAsync);
        return api;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, AuditQueries queries, string? certificate, string? from, string? to, string? limit, string? before)
    {
        if (context.PublishingCaller() is not { } caller)
        {
            throw new InvalidOperationException("The audit endpoint ran without an authenticated API key.");
        }

        if (!TryInstant(from, out var start) || !TryInstant(to, out var end))
        {
            return Problem("INVALID_TIME", "from and to are ISO 8601 instants (2026-03-01T08:00:00+08:00) or dates (2026-03-01).");
        }

        if (start is { } first && !QueryDates.Contains(first) || end is { } last && !QueryDates.Contains(last))
        {
            return Problem(DomainErrorCodes.DateOutOfRange, QueryDates.OutOfRange("from and to"));
        }

        var size = AuditQuery.DefaultLimit;
        long? cursor = null;
        if (limit is not null && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size))
        {
            return Problem("INVALID_LIMIT", $"limit is a whole number from 1 to {AuditQuery.MaxLimit}.");
        }

        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Problem("INVALID_CURSOR", "before is an entry id, as nextBefore gives it.");
            }

            cursor = id;
        }

        try
        {
            var page = await queries.ListAsync(caller.BodyId, new AuditQuery(certificate, start, end, size, cursor), context.RequestAborted);
            return Results.Ok(page);
        }
        catch (DomainException e)
        {
            return Problem(e.Code, e.Message);
        }
    }

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A day outside the range is refused by the caller; its start in China is not computed (0001-01-01 has none).
            instant = QueryDates.Contains(day) ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), RegistryCalendar.ChinaOffset) : DateTimeOffset.MinValue;
            return true;
        }

        if (text.Length <= 40 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        return false;
    }

    private static IResult Problem(string code, string detail) =>
        ApiProblems.Result(StatusCodes.Status400BadRequest, "The audit query is malformed", code, detail);
}
