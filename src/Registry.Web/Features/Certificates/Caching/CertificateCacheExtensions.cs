using Microsoft.Extensions.Options;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.Certificates.Caching;

public static class CertificateCacheExtensions
{
    /// <summary>The in-memory certificate cache and the outbox follower that keeps it in step.</summary>
    public static IServiceCollection AddCertificateCache(this IServiceCollection services)
    {
        services.AddOptions<CertificateCacheOptions>().BindConfiguration(CertificateCacheOptions.Section)
            .Validate(o => o.Capacity > 0 && o.PollInterval > TimeSpan.Zero && o.InStepWindow > o.PollInterval && o.TombstoneLifetime > TimeSpan.Zero,
                $"{CertificateCacheOptions.Section}: Capacity and the intervals must be positive, and InStepWindow longer than PollInterval.")
            .ValidateOnStart();
        services.AddSingleton(sp => new CertificateRecordCache(sp.GetRequiredService<IOptions<CertificateCacheOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddOutboxFollower<CertificateCacheFollower>();
        services.AddScoped<CachedCertificateRecords>();
        return services;
    }
}
