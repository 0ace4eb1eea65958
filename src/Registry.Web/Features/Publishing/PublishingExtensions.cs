using Registry.Web.Features.Certificates;
using Registry.Web.Features.Publishing.Bulk;
using Registry.Web.Features.QrCodes;
using Registry.Web.Features.SigningKeys;

namespace Registry.Web.Features.Publishing;

public static class PublishingExtensions
{
    /// <summary>
    /// The write side: the publisher, and the application service certification bodies call through REST
    /// and GraphQL (<see cref="PublishingCommands"/>), with its idempotency records; it writes the audit log that Features/Audit reads.
    /// </summary>
    public static IHostApplicationBuilder AddPublishing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PublishingRehearsal>();
        builder.Services.AddScoped<CertificatePublisher>();
        builder.Services.AddScoped<PublishingPipeline>();
        builder.Services.AddScoped<BulkPublisher>();
        builder.Services.AddScoped<BulkRehearsal>();
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.Retention > TimeSpan.Zero && o.PruneInterval > TimeSpan.Zero, $"{IdempotencyOptions.Section}: Retention and PruneInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IdempotencyRecordPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IdempotencyRecordPruner>());
        builder.Services.AddScoped(services => new PublishingCommands(
            services.GetRequiredService<RegistryDbContext>(),
            services.GetRequiredService<CertificatePublisher>(),
            services.GetRequiredService<PublishingPipeline>(),
            services.GetRequiredService<SigningKeyStore>(),
            services.GetRequiredService<QrSerialStore>(),
            services.GetRequiredService<CertificateQueries>(),
            services.GetRequiredService<PrintSigner>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ApiKeys.ApiKeyStore>()));
        return builder;
    }
}
