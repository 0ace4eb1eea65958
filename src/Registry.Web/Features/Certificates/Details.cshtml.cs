using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Domain.Identifiers;

namespace Registry.Web.Features.Certificates;

/// <summary>
/// One certificate: its status now, its full published history, and (with ?on=yyyy-MM-dd) the two
/// questions about a past date: what was in effect then, and what the registry said then.
/// </summary>
public sealed class DetailsModel(CertificateQueries queries, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public string TypedNumber { get; private set; } = string.Empty;

    /// <summary>Why the request cannot be answered (400), or null.</summary>
    public string? Problem { get; private set; }

    public CertificateRecord? Record { get; private set; }

    public CertificateState Current { get; private set; } = CertificateState.NotIssued;

    public DateTimeOffset Now { get; private set; }

    public DateOnly? AskedDate { get; private set; }

    public CertificateState? InEffectOnAskedDate { get; private set; }

    public CertificateState? PublishedOnAskedDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number, string? on, CancellationToken cancellationToken)
    {
        // Routing leaves an escaped slash (%2F) escaped inside the catch-all segment; a typed number may contain one.
        number = number?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        TypedNumber = number ?? string.Empty;
        if (!CertificateNumber.TryNormalize(number, out var normalized, out var error))
        {
            return Refuse(text["“{0}” is not a certificate number: {1}", Shorten(TypedNumber), text[error]]);
        }

        if (on is not null)
        {
            if (!TryReadDate(on, out var asked))
            {
                return Refuse(text["The date must be written as yyyy-MM-dd, e.g. 2026-03-05."]);
            }

            if (!QueryDates.Contains(asked))
            {
                return Refuse(text["The registry answers about dates from {0}.", QueryDates.Range]);
            }

            AskedDate = asked;
        }

        if (!string.Equals(number, normalized, StringComparison.Ordinal))
        {
            return RedirectPermanent($"/certificates/{normalized}{Request.QueryString}");
        }

        Record = await queries.FindAsync(normalized, cancellationToken);
        if (Record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Now = clock.GetUtcNow();
        var events = Record.Certificate.Events;
        Current = StatusHistory.Fold(events, RegistryCalendar.DateOf(Now), Now);
        if (AskedDate is { } date)
        {
            InEffectOnAskedDate = StatusHistory.Fold(events, date, Now);
            PublishedOnAskedDate = StatusHistory.AsPublishedAt(events, RegistryCalendar.EndOf(date) < Now ? RegistryCalendar.EndOf(date) : Now);
        }

        return Page();
    }

    public static string ChinaTime(DateTimeOffset instant) =>
        instant.ToOffset(RegistryCalendar.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss 'UTC+8'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static bool TryReadDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
