using Registry.Web.Features.Publishing.Api;

namespace Registry.Web.Features.Audit;

public static class AuditExtensions
{
    /// <summary>Reading a body's audit log, for REST and GraphQL alike (the publishing pipeline writes it).</summary>
    public static IHostApplicationBuilder AddAudit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditQueries>();
        return builder;
    }

    /// <summary>GET /api/publishing/audit, beside the publishing routes and under the same API-key rules.</summary>
    public static WebApplication MapAudit(this WebApplication app)
    {
        app.MapPublishingGroup().MapAuditLog();
        return app;
    }
}
