using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Domain.Identifiers;
using Registry.Web.Features.Site;

namespace Registry.Web.Features.Certificates;

/// <summary>
/// One certificate: its status now, its full published history (back-dated changes marked), with ?on=yyyy-MM-dd
/// the two questions about a past date (what was in effect then, what the registry said then), and with
/// ?at=yyyy-MM-ddTHH:mm what the registry said at that instant.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PageCachePolicies.Certificate)]
public sealed class DetailsModel(CertificateQueries queries, Caching.CertificateRecordCache cache, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
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

    /// <summary>The instant asked about with ?at= (China time unless an offset is given), or null.</summary>
    public DateTimeOffset? AskedInstant { get; private set; }

    /// <summary>What the registry said at <see cref="AskedInstant"/>: only changes published by then count.</summary>
    public CertificateState? SaidAtAskedInstant { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? number, string? on, string? at, CancellationToken cancellationToken)
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

        if (at is not null)
        {
            if (!TryReadInstant(at, out var instant))
            {
                return Refuse(text["The instant must be written as yyyy-MM-ddTHH:mm (China time), e.g. 2026-03-05T14:30."]);
            }

            if (!QueryDates.Contains(RegistryCalendar.DateOf(instant)))
            {
                return Refuse(text["The registry answers about dates from {0}.", QueryDates.Range]);
            }

            AskedInstant = instant;
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

        cache.NoteNumber(normalized, Record.Certificate.Id);
        Now = clock.GetUtcNow();
        var events = Record.Certificate.Events;
        Current = StatusHistory.Fold(events, RegistryCalendar.DateOf(Now), Now);
        if (AskedDate is { } date)
        {
            InEffectOnAskedDate = StatusHistory.Fold(events, date, Now);
            PublishedOnAskedDate = StatusHistory.AsPublishedAt(events, RegistryCalendar.EndOf(date) < Now ? RegistryCalendar.EndOf(date) : Now);
        }

        if (AskedInstant is { } instantAsked)
        {
            SaidAtAskedInstant = StatusHistory.AsPublishedAt(events, instantAsked < Now ? instantAsked : Now);
        }

        return Page();
    }

    public static string ChinaTime(DateTimeOffset instant) => ReaderFormats.Instant(instant);

    /// <summary>How many days after it took effect a change was published; 0 when it was published on the day or ahead of it.</summary>
    public static int DaysBackDated(StatusEvent change) =>
        Math.Max(0, RegistryCalendar.DateOf(change.PublishedAt).DayNumber - change.EffectiveOn.DayNumber);

    /// <summary>The value a datetime-local field shows for an instant: China time, to the second.</summary>
    public static string LocalInput(DateTimeOffset? instant) =>
        instant?.ToOffset(RegistryCalendar.ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Day(DateOnly? date) => ReaderFormats.Day(date);

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static bool TryReadDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // A datetime-local field sends China time without an offset (to the minute or the second); a program may add one.
    private static bool TryReadInstant(string value, out DateTimeOffset instant)
    {
        var text = value.Trim();
        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(local, RegistryCalendar.ChinaOffset);
            return true;
        }

        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mmzzz"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out instant);
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
