namespace Registry.Web.Features.Home;

public static class HomeExtensions
{
    public static IHostApplicationBuilder AddHome(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RegistryStatistics>();
        return builder;
    }
}
