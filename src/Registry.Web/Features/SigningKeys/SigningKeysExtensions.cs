using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Registry.Web.Features.SigningKeys;

public static class SigningKeysExtensions
{
    /// <summary>The key store and its options; shared by the site and the `keys` operator commands.</summary>
    public static IHostApplicationBuilder AddSigningKeyStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SigningKeyOptions>, SigningKeyOptionsValidator>());
        builder.Services.TryAddSingleton<ISigningKeyGenerator, P256KeyGenerator>();
        builder.Services.TryAddSingleton<SigningKeyStore>();
        builder.Services.TryAddSingleton<ISigningKeys>(services => services.GetRequiredService<SigningKeyStore>());
        return builder;
    }

    /// <summary>The site: the store, and a start that fails when the key-encryption key is missing or malformed.</summary>
    public static IHostApplicationBuilder AddSigningKeys(this IHostApplicationBuilder builder)
    {
        builder.AddSigningKeyStore();
        builder.Services.AddOptions<SigningKeyOptions>().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapSigningKeys(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksEndpoint.Path, JwksEndpoint.GetAsync).CacheOutput(PageCache.PageCachePolicies.Keys);
        return app;
    }
}
