namespace Registry.Web.Features.Site;

/// <summary>
/// Dates, instants and counts as the reader's language writes them: 2027年2月28日 or 28 Feb 2027. Instants are
/// always shown in China time, the registry's calendar, and say so. Form fields and data attributes keep ISO 8601
/// (<see cref="IsoDay"/>), which browsers and programs read.
/// </summary>
public static class ReaderFormats
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Day(DateOnly? day) => day is not { } date ? "—"
        : SiteExtensions.IsEnglish ? date.ToString("d MMM yyyy", English) : date.ToString("yyyy年M月d日", Chinese);

    public static string Instant(DateTimeOffset instant)
    {
        var china = instant.ToOffset(RegistryCalendar.ChinaOffset);
        return SiteExtensions.IsEnglish
            ? china.ToString("d MMM yyyy, HH:mm:ss 'UTC+8'", English)
            : china.ToString("yyyy年M月d日 HH:mm:ss 'UTC+8'", Chinese);
    }

    public static string Count(long count) => count.ToString("N0", SiteExtensions.IsEnglish ? English : Chinese);

    public static string IsoDay(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
