using StackExchange.Redis;

namespace Registry.Web.Features.StatusFeed;

/// <summary>
/// The instance's one Redis connection. It is made without failing when Redis is down (StackExchange.Redis keeps
/// reconnecting and restores subscriptions by itself), and every loss and recovery is logged.
/// </summary>
public sealed partial class RedisConnection(IConfiguration configuration, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    public const string ConnectionStringName = "Redis";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    /// <summary>False when no Redis is configured: the status feed is then off and subscriptions say so.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    /// <summary>The multiplexer while it is connected; null before the first connection and while Redis is down. Never waits.</summary>
    public IConnectionMultiplexer? Current => _multiplexer is { IsConnected: true } connected ? connected : null;

    public async Task<IConnectionMultiplexer> GetAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_multiplexer is null)
            {
                var options = ConfigurationOptions.Parse(configuration.GetConnectionString(ConnectionStringName)
                    ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set."));
                options.AbortOnConnectFail = false;
                options.ClientName = "star-registry";
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
                multiplexer.ConnectionFailed += (_, e) => LogLost(e.EndPoint, e.FailureType, e.Exception);
                multiplexer.ConnectionRestored += (_, e) => LogRestored(e.EndPoint);
                _multiplexer = multiplexer;
            }

            return _multiplexer;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.DisposeAsync();
        }

        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis connection to {EndPoint} lost ({FailureType}); the status feed waits for it to come back")]
    private partial void LogLost(System.Net.EndPoint? endPoint, ConnectionFailureType failureType, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection to {EndPoint} restored")]
    private partial void LogRestored(System.Net.EndPoint? endPoint);
}
