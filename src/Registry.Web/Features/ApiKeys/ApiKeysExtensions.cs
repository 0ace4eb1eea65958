using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Registry.Web.Features.RateLimits;

namespace Registry.Web.Features.ApiKeys;

/// <summary>API keys for certification bodies: the "ApiKey" scheme, the body policy and the per-key rate limit.</summary>
public static class ApiKeysExtensions
{
    /// <summary>The store alone, for the `api-keys` operator commands.</summary>
    public static IHostApplicationBuilder AddApiKeyStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApiKeyStore>();
        return builder;
    }

    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.AddApiKeyStore();
        builder.Services.AddScoped<ApiKeyAuthenticator>();

        // The default authenticate scheme, so that any endpoint (GraphQL's included) sees the body behind a
        // valid key; a request without the header costs one string check.
        builder.Services.AddAuthentication(ApiKeyDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.CertificationBodyPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiKeyClaims.BodyId));

        builder.Services.AddOptions<ApiKeyRateLimitOptions>().BindConfiguration(ApiKeyRateLimitOptions.Section)
            .Validate(o => o.BurstLimit > 0 && o.RequestsPerPeriod > 0 && o.Period > TimeSpan.Zero, "ApiKeys:RateLimit needs positive limits and period.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(options => options.AddPolicy(ApiKeyDefaults.RateLimitPolicy, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<ApiKeyRateLimitOptions>>().Value;
            var partition = ApiKeyClaims.KeyIdOf(context.User) is { } keyId
                ? "key:" + keyId
                : "address:" + CallerPartition.Of(context.Connection.RemoteIpAddress);
            return context.RequestServices.GetRequiredService<SharedLimiters>()
                .TokenBucket(ApiKeyDefaults.RateLimitPolicy, partition, limits.BurstLimit, limits.RequestsPerPeriod, limits.Period);
        }));
        return builder;
    }

    /// <summary>
    /// Authentication, rate limiting, authorization, in that order: the limiter partitions by the key that
    /// authentication found, and it runs before authorization so that calls with bad keys are limited (per
    /// address) before they are refused.
    /// </summary>
    public static WebApplication UseApiKeys(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
