using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Registry.Web.Features.Input;

namespace Registry.Web.Features.Site;

/// <summary>The server-rendered, bilingual site: pages, language choice, error pages and static assets.</summary>
public static class SiteExtensions
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IHostApplicationBuilder AddSite(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddViewLocalization();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ExceptionResponses>();
        // Nothing tells a caller which server software answers.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<DemoDataNotice>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(ReverseProxies.Configure).ValidateOnStart();
        Compression.Add(builder.Services);
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Chinese);
            options.SupportedCultures = options.SupportedUICultures = [Chinese, English];
            // ?lang= wins, then the cookie it sets; the browser's language is not consulted because the
            // registry's default is Chinese for everyone until they choose otherwise.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
            ];
        });
        return builder;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // The friendly page for a person keeps the status ExceptionResponses chose (503 for the database down).
            StatusCodeSelector = ExceptionResponses.StatusOf,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.UseInputText();
        app.Use(RememberLanguage);
        Compression.Use(app);
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticAssets.SetCaching });
        app.MapRazorPages();
        return app;
    }

    private static Task RememberLanguage(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Query.ContainsKey("lang"))
        {
            var culture = CultureInfo.CurrentUICulture.Name;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
        }

        return next(context);
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The address of this page in another language: the same path and query, with only <c>lang</c> changed.</summary>
    public static string InLanguage(HttpRequest request, string culture)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.Where(p => !p.Key.Equals("lang", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("lang", culture));
        return (request.PathBase + request.Path).Value + QueryString.Create(query);
    }
}
