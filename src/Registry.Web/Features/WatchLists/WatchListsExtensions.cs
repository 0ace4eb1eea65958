namespace Registry.Web.Features.WatchLists;

public static class WatchListsExtensions
{
    /// <summary>Watch lists: /watch (save from a check), /watch/{token}, /watch/edit/{token}, the Atom feed, and the pruner (see README.md).</summary>
    public static IHostApplicationBuilder AddWatchLists(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WatchListOptions>().BindConfiguration(WatchListOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Retention > TimeSpan.Zero && o.PruneInterval > TimeSpan.Zero, "WatchLists: Retention and PruneInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddScoped<WatchListStore>();
        builder.Services.AddSingleton<WatchListPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WatchListPruner>());
        return builder;
    }

    public static IEndpointRouteBuilder MapWatchLists(this IEndpointRouteBuilder app)
    {
        app.MapGet("/watch/{token}/feed.atom", WatchListFeed.GetAsync);
        return app;
    }
}
