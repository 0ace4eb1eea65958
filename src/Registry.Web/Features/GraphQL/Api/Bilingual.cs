using Microsoft.Extensions.Localization;
using Registry.Web.Features.Site;

namespace Registry.Web.Features.GraphQL.Api;

/// <summary>
/// Both languages of a site label at once: the API answers everyone alike rather than in a request language,
/// and the labels come from the site's own resources, so they read exactly as on the pages.
/// </summary>
public sealed class Bilingual(IStringLocalizer<SharedResource> text)
{
    public string Chinese(Func<IStringLocalizer, string> label) => In(SiteExtensions.Chinese, () => label(text));

    public string English(Func<IStringLocalizer, string> label) => In(SiteExtensions.English, () => label(text));

    // The localizer reads the current UI culture; it is set only around the synchronous call that reads it.
    private static T In<T>(CultureInfo culture, Func<T> produce)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return produce();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
