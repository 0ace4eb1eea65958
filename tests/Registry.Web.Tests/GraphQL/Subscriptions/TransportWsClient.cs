using System.Net.WebSockets;
using System.Threading.Channels;

namespace Registry.Web.Tests.GraphQL.Subscriptions;

/// <summary>A bare graphql-transport-ws client over a real socket: sends what a test says, reads what the server says.</summary>
public sealed class TransportWsClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<(JsonElement? Message, (int Code, string Reason)? Close)> _received = Channel.CreateUnbounded<(JsonElement?, (int, string)?)>();
    private Task? _reading;

    public static async Task<TransportWsClient> ConnectAsync(Uri site, string? subProtocol = "graphql-transport-ws")
    {
        var client = new TransportWsClient();
        if (subProtocol is not null)
        {
            client._socket.Options.AddSubProtocol(subProtocol);
        }

        var address = new UriBuilder(site) { Scheme = site.Scheme == "https" ? "wss" : "ws", Path = "/graphql" }.Uri;
        await client._socket.ConnectAsync(address, CancellationToken.None);
        return client;
    }

    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>Connects and completes connection_init / connection_ack.</summary>
    public static async Task<TransportWsClient> ReadyAsync(Uri site)
    {
        var client = await ConnectAsync(site);
        await client.SendAsync(new { type = "connection_init" });
        (await client.ReceiveAsync()).GetProperty("type").GetString().ShouldBe("connection_ack");
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message, or a failed test when none comes in time (or the server closes instead).</summary>
    public async Task<JsonElement> ReceiveAsync(double seconds = 5)
    {
        var (message, close) = await ReadAsync(seconds);
        if (message is null)
        {
            Assert.Fail(close is null ? $"no message within {seconds} s" : $"the server closed the connection: {close}");
        }

        return message.Value;
    }

    /// <summary>True when nothing arrives for <paramref name="seconds"/>.</summary>
    public async Task<bool> QuietForAsync(double seconds)
    {
        var (message, close) = await ReadAsync(seconds);
        return message is null && close is null;
    }

    /// <summary>The close code and reason the server sends, skipping messages before it.</summary>
    public async Task<(int Code, string Reason)> ClosedAsync(double seconds = 6)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var (message, close) = await ReadAsync((deadline - DateTime.UtcNow).TotalSeconds);
            if (close is { } closed)
            {
                return closed;
            }

            if (message is null)
            {
                break;
            }
        }

        Assert.Fail($"the server did not close the connection within {seconds} s");
        return default;
    }

    // A cancelled receive would abort a ClientWebSocket, so one loop reads everything and waits are on the queue.
    private async Task<(JsonElement? Message, (int Code, string Reason)? Close)> ReadAsync(double seconds)
    {
        _reading ??= ReadLoopAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(seconds, 0.05)));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return (null, null);
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (true)
            {
                var length = 0;
                WebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += received.Count;
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    _received.Writer.TryWrite((null, ((int)received.CloseStatus!.Value, received.CloseStatusDescription ?? string.Empty)));
                    return;
                }

                _received.Writer.TryWrite((JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone(), null));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _received.Writer.TryWrite((null, (-1, ex.Message)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or InvalidOperationException)
            {
                // The server went first.
            }
        }

        _socket.Dispose();
    }
}
