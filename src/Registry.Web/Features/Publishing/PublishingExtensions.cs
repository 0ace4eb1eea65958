namespace Registry.Web.Features.Publishing;

public static class PublishingExtensions
{
    /// <summary>The write side. Its HTTP/GraphQL surface for certification bodies comes with authentication.</summary>
    public static IHostApplicationBuilder AddPublishing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CertificatePublisher>();
        return builder;
    }
}
