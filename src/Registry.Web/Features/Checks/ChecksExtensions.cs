namespace Registry.Web.Features.Checks;

public static class ChecksExtensions
{
    /// <summary>Bulk checks of bidder lists: the /check page and POST /api/check (see README.md).</summary>
    public static IHostApplicationBuilder AddChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<BulkChecker>();
        return builder;
    }

    public static IEndpointRouteBuilder MapChecks(this IEndpointRouteBuilder app) => app.MapCheckApi();
}
