using Microsoft.AspNetCore.Mvc;
using Registry.Domain;
using Registry.Web.Features.Audit;
using Registry.Web.Features.Input.Tables;

namespace Registry.Web.Features.StaffConsole.Audit;

/// <summary>
/// /console/audit: the body's audit log (every publishing call of its API keys and every console change of its
/// staff), newest first, filtered by certificate and by China calendar days; the same filter as CSV.
/// </summary>
public sealed class AuditLogModel(AuditQueries audit) : ConsolePageModel
{
    public const int MaxExportRows = 10_000;

    public AuditPage? Entries { get; private set; }

    public string? Number { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number, DateOnly? from, DateOnly? to, long? before, CancellationToken cancellationToken)
    {
        if (Query(number, from, to, before) is not { } query)
        {
            return Page();
        }

        try
        {
            Entries = await audit.ListAsync(BodyId, query, cancellationToken);
        }
        catch (DomainException e)
        {
            Refuse(e.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? number, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (Query(number, from, to, before: null) is not { } query)
        {
            return Page();
        }

        var lines = new List<IReadOnlyList<string>>();
        try
        {
            for (long? before = null; lines.Count < MaxExportRows;)
            {
                var page = await audit.ListAsync(BodyId, query with { Limit = AuditQuery.MaxLimit, Before = before }, cancellationToken);
                lines.AddRange(page.Entries.Select(Line));
                if (page.NextBefore is not { } next)
                {
                    break;
                }

                before = next;
            }
        }
        catch (DomainException e)
        {
            Refuse(e.Message);
            return Page();
        }

        string[] header = ["occurred_at_utc", "operation", "certificate", "staff_member", "api_key", "outcome", "error_code", "message", "source_address"];
        return File(CsvDownload.Write(header, lines), CsvDownload.ContentType, $"audit-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}Z.csv");
    }

    public static IReadOnlyList<string> Line(AuditEntryView e) =>
    [
        e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Operation, e.CertificateNumber ?? string.Empty,
        e.StaffName ?? string.Empty, e.ApiKeyId, e.Outcome, e.ErrorCode ?? string.Empty, e.Message ?? string.Empty, e.SourceAddress ?? string.Empty,
    ];

    private AuditQuery? Query(string? number, DateOnly? from, DateOnly? to, long? before)
    {
        Number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        From = from;
        To = to;
        if (Number is { Length: > 100 } || (Number is not null && !Domain.Identifiers.CertificateNumber.TryNormalize(Number, out _, out _)))
        {
            Refuse("Give a certificate number as printed (6 to 40 letters and digits), or none.");
            return null;
        }

        return new AuditQuery(Number, Start(from), to is { } last ? Start(last.AddDays(1)) : null, AuditQuery.DefaultLimit, before);
    }

    private static DateTimeOffset? Start(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), RegistryCalendar.ChinaOffset) : null;

    private void Refuse(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
