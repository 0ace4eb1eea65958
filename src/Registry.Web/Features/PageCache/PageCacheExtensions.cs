using Microsoft.AspNetCore.OutputCaching;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Features.PageCache;

/// <summary>
/// Output caching of the public GET pages and answers that carry a certificate's status (see README.md): in Redis
/// when it is configured, shared by every instance, else in memory; keyed by the outbox position the instance's
/// certificate cache has applied, so a change makes every older entry unreachable at once.
/// </summary>
public static class PageCacheExtensions
{
    /// <summary>The policy of every status-bearing page and answer.</summary>
    public const string StatusPolicy = "status";

    public static IHostApplicationBuilder AddPageCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section)
            .Validate(o => o.StatusLifetime > TimeSpan.Zero && o.StatusLifetime <= TimeSpan.FromMinutes(5), $"{PageCacheOptions.Section}:StatusLifetime is between 0 and 5 minutes.")
            .ValidateOnStart();
        var lifetime = builder.Configuration.GetSection(PageCacheOptions.Section).Get<PageCacheOptions>()?.StatusLifetime ?? PageCacheOptions.DefaultStatusLifetime;
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(StatusPolicy, policy => policy
                .AddPolicy<OutboxPositionPolicy>()
                .Expire(lifetime)
                .Tag(StatusPolicy));
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

        return builder;
    }

    public static WebApplication UsePageCache(this WebApplication app)
    {
        app.UseOutputCache();
        return app;
    }
}
