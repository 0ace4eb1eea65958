using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Registry.Web.Features.StaffConsole.Staff;

namespace Registry.Web.Features.StaffConsole;

public static class ConsoleExtensions
{
    public const string MemberPolicy = "console-member";

    /// <summary>The console for bodies' staff: Identity sign-in with TOTP, its cookies (path /console only), and its policy (see README.md).</summary>
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        builder.AddStaffAccounts();
        builder.Services.AddIdentityCore<StaffMember>()
            .AddRoles<StaffRole>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();
        builder.Services.AddAuthentication().AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(options => ConsoleCookie(options, "star-console", TimeSpan.FromMinutes(30)));
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            options => ConsoleCookie(options, "star-console-2fa", TimeSpan.FromMinutes(5)));
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme,
            options => ConsoleCookie(options, "star-console-remember", TimeSpan.FromMinutes(5)));
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme,
            options => ConsoleCookie(options, "star-console-external", TimeSpan.FromMinutes(5)));

        // Every console request checks the member's security stamp: disabling a member or changing their
        // password ends their sessions at their next click, on every instance.
        builder.Services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;

            // The validator rebuilds the principal from the member; the way the session signed in (amr = mfa) must survive it.
            options.OnRefreshingPrincipal = context =>
            {
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity && context.CurrentPrincipal is { } current)
                {
                    foreach (var method in current.FindAll("amr"))
                    {
                        identity.AddClaim(new System.Security.Claims.Claim("amr", method.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MemberPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaimsFactory.BodyIdClaim));
        builder.Services.AddScoped<Uploads.ConsoleUploads>();
        builder.Services.AddScoped<ConsoleRowChange>();
        builder.Services.AddSingleton<Uploads.ConsoleUploadPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Uploads.ConsoleUploadPruner>());
        return builder;
    }

    /// <summary>Console answers are never stored by a browser, a proxy or the output cache.</summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });
        return app;
    }

    private static void ConsoleCookie(CookieAuthenticationOptions options, string name, TimeSpan lifetime)
    {
        options.Cookie.Name = name;
        options.Cookie.Path = "/console";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;

        // Secure whenever the request came over HTTPS (directly or through a believed proxy).
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = lifetime;
        options.SlidingExpiration = true;
        options.LoginPath = "/console/sign-in";
        options.LogoutPath = "/console/sign-out";
        options.AccessDeniedPath = "/console/denied";
    }
}
