using Microsoft.Extensions.Options;
using Registry.Web.Data.Outbox;
using Registry.Web.Features.Search.Index;
using Registry.Web.Features.Search.Indexing;
using Registry.Web.Features.Search.Querying;

namespace Registry.Web.Features.Search;

public static class SearchExtensions
{
    /// <summary>The index and what rebuilds and checks it; shared by the site and the operator commands.</summary>
    public static IHostApplicationBuilder AddSearchIndexing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SearchIndexOptions>().BindConfiguration(SearchIndexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IndexRebuilder>();
        builder.Services.AddSingleton<IndexVerifier>();
        return builder;
    }

    /// <summary>Search for the site: this instance's replica, kept in step by a background follower.</summary>
    public static IHostApplicationBuilder AddSearch(this IHostApplicationBuilder builder)
    {
        builder.AddSearchIndexing();
        builder.Services.AddSingleton<SearchReplica>();
        builder.Services.AddOutboxFollower<IndexFollower>();
        builder.Services.AddScoped<SearchService>();
        builder.Services.AddSingleton<NameLookup>();
        builder.Services.AddSingleton<Suggester>();
        builder.Services.AddScoped<BodyNames>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/search/suggest", (string? q, Suggester suggester) => Results.Ok(suggester.Suggest(q))).CacheOutput(PageCache.PageCachePolicies.Search);
        app.MapGet("/search/status", (SearchReplica replica) => Results.Ok(new
        {
            ready = replica.IsReady,
            outboxSequence = replica.Current?.AppliedSequence,
        }));
        return app;
    }

    public static IndexGenerations Generations(this IOptions<SearchIndexOptions> options) => new(options.Value.IndexPath);
}
