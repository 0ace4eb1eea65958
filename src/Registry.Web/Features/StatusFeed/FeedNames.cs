using Npgsql;
using StackExchange.Redis;

namespace Registry.Web.Features.StatusFeed;

/// <summary>
/// The Redis names one registry uses. They carry a namespace taken from the PostgreSQL database, because the feed
/// follows that database's outbox: two registries (or two test runs) sharing a Redis must never see each other's changes.
/// </summary>
public sealed class FeedNames(string @namespace)
{
    public string Namespace { get; } = @namespace;

    public RedisChannel Channel => RedisChannel.Literal($"registry:{Namespace}:status-changes");

    /// <summary>The last outbox sequence a leader published; where the next leader continues.</summary>
    public RedisKey RelayedSequence => $"registry:{Namespace}:status-relay:sequence";

    public static FeedNames For(StatusFeedOptions options, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataSource);
        var name = options.Namespace;
        if (string.IsNullOrWhiteSpace(name))
        {
            // The database name, not the host: instances may reach one server by different addresses.
            name = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Database ?? "registry";
        }

        return new FeedNames(name);
    }
}
