using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Web.Data.Outbox;

namespace Registry.Web.Features.StatusFeed;

/// <summary>The status feed: the outbox relayed through Redis to every instance's subscribers (see README.md, the relay).</summary>
public static class StatusFeedExtensions
{
    public static IHostApplicationBuilder AddStatusFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatusFeedOptions>().BindConfiguration(StatusFeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddSingleton(services => FeedNames.For(
            services.GetRequiredService<IOptions<StatusFeedOptions>>().Value, services.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddOutboxFollower<StatusRelay>();
        builder.Services.AddSingleton<StatusChangeFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<StatusChangeFeed>());
        return builder;
    }
}
