using Microsoft.AspNetCore.OutputCaching;
using Registry.Web.Data.Outbox;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// Output caching of the public GET pages and answers (see README.md): in Redis when it is configured, shared by every
/// instance, else in memory; one named policy per <see cref="PageCacheFamily"/>, whose keys carry the marks that make a
/// stale entry unreachable; eviction by tag following the outbox.
/// </summary>
public static class PageCacheExtensions
{
    public static IHostApplicationBuilder AddPageCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section)
            .Validate(o => o.StatusLifetime > TimeSpan.Zero && o.StatusLifetime <= TimeSpan.FromMinutes(5), $"{PageCacheOptions.Section}:StatusLifetime is between 0 and 5 minutes.")
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(PageCacheOptions.Section).Get<PageCacheOptions>() ?? new PageCacheOptions();
        builder.Services.AddSingleton<PageCacheMetrics>();
        builder.Services.AddSingleton<PageCacheEntries>();
        builder.Services.AddOutputCache(options =>
        {
            foreach (var family in PageCacheFamily.All)
            {
                // Off, the policies still exist (pages name them) but keep nothing: the benchmark's uncached side.
                options.AddPolicy(family.Name, new StatusEntryPolicy(family, settings.Enabled));
            }
        });

        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnection.ConnectionStringName)))
        {
            builder.Services.AddStackExchangeRedisOutputCache(_ => { });
            builder.Services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
                .Configure<RedisConnection, IConfiguration>((options, redis, configuration) =>
                {
                    options.ConnectionMultiplexerFactory = async () => await redis.GetAsync(CancellationToken.None);
                    options.InstanceName = $"registry:{PageCacheOptions.NamespaceOf(configuration)}:output:";
                });
            ResilientOutputCacheStore.Decorate(builder.Services);
        }

        if (settings.Enabled && settings.Eviction)
        {
            builder.Services.AddOutboxFollower<PageCacheEvictionFollower>();
        }

        return builder;
    }

    public static WebApplication UsePageCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }

    /// <summary>GET /api/cache/stats: hits, misses and evictions per family since start, for operators (see README.md).</summary>
    public static WebApplication MapPageCacheStats(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/cache/stats", (HttpContext http, PageCacheMetrics metrics) =>
            OperatorRequests.IsFromThisMachine(http)
                ? Results.Json(new { families = metrics.Snapshot() })
                : Results.NotFound());
        return app;
    }
}
