using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Registry.Web.Features.Certificates;

namespace Registry.Web.Features.Verification;

/// <summary>Scan verification: the /v/ and /verify pages and the REST endpoint, all through one <see cref="IVerifier"/>.</summary>
public static class VerificationExtensions
{
    public static IHostApplicationBuilder AddVerification(this IHostApplicationBuilder builder)
    {
        builder.Services.AddVerificationOptions();
        builder.Services.AddScoped<IVerifier, Verifier>();
        return builder;
    }

    /// <summary>Bound once from the "Verification" section and validated when the host starts, not on the first scan.</summary>
    public static IServiceCollection AddVerificationOptions(this IServiceCollection services)
    {
        services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VerificationOptions>, VerificationOptionsValidator>());
        return services;
    }

    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        // The pages (/v/{payload}, /verify) are Razor pages, mapped with the rest of the site.
        app.MapVerifyApi();
        return app;
    }
}
