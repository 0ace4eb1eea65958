using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using static Registry.Web.Features.GraphQL.Transport.WebSockets.TransportWsProtocol;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>
/// The socket side of a connection: whole text messages in, queued messages out. A WebSocket allows one receive
/// and one send at a time, so one loop receives and one loop sends, and every outgoing message, the close frame
/// included, goes through the send queue in order. It knows frames and sizes, not what the messages mean.
/// </summary>
public sealed class TransportWsPump(WebSocket socket, TransportWsOptions options, CancellationToken aborted) : IDisposable
{
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _receiving = new();
    private int _pending;
    private int _closed;

    /// <summary>
    /// Hands each text message to <paramref name="onMessage"/> (false: stop receiving) until the connection closes;
    /// <paramref name="onReceiveEnded"/> runs before the last queued messages are sent, so that work still running
    /// can be stopped first.
    /// </summary>
    public async Task RunAsync(Func<ReadOnlyMemory<byte>, bool> onMessage, Func<Task> onReceiveEnded)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        ArgumentNullException.ThrowIfNull(onReceiveEnded);
        using var abortedRegistration = aborted.Register(_receiving.Cancel);
        var sending = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync(onMessage);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the connection was closed from this side.
        }
        finally
        {
            await onReceiveEnded();
            _outgoing.Writer.TryComplete();
            await sending;
        }
    }

    /// <summary>Queues a message, unless the connection is closing; a client too far behind is closed instead (1008).</summary>
    public void Send(string text)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return;
        }

        if (Interlocked.Increment(ref _pending) > options.MaxPendingMessages)
        {
            Close(PolicyViolation, "The client is not reading its messages.");
            return;
        }

        _outgoing.Writer.TryWrite(new Outgoing(text, null, null));
    }

    /// <summary>Queues the close frame after what is already queued; always false, for the receive loop to stop.</summary>
    public bool Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _outgoing.Writer.TryWrite(new Outgoing(null, code, reason));
        }

        return false;
    }

    public void Dispose() => _receiving.Dispose();

    private async Task ReceiveLoopAsync(Func<ReadOnlyMemory<byte>, bool> onMessage)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(options.MaxMessageBytes + 1);
        try
        {
            while (socket.State == WebSocketState.Open && !_receiving.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length > options.MaxMessageBytes)
                    {
                        Close(MessageTooBig, $"Messages are limited to {options.MaxMessageBytes} bytes.");
                        return;
                    }

                    received = await socket.ReceiveAsync(buffer.AsMemory(length, options.MaxMessageBytes + 1 - length), _receiving.Token);
                    length += received.Count;
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    Close(NormalClosure, string.Empty);
                    return;
                }

                if (length > options.MaxMessageBytes)
                {
                    Close(MessageTooBig, $"Messages are limited to {options.MaxMessageBytes} bytes.");
                    return;
                }

                if (received.MessageType != WebSocketMessageType.Text)
                {
                    Close(BadRequest, "Messages are JSON text.");
                    return;
                }

                if (!onMessage(buffer.AsMemory(0, length)))
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync())
            {
                if (message.Text is { } text)
                {
                    Interlocked.Decrement(ref _pending);
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, aborted);
                    continue;
                }

                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)message.CloseCode!.Value, message.CloseReason, aborted);
                }

                // The client has a moment to answer the close frame; then the receive loop stops regardless.
                _receiving.CancelAfter(TimeSpan.FromSeconds(1));
                _outgoing.Writer.TryComplete();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is gone; nothing more can be sent.
            await _receiving.CancelAsync();
        }
    }

    private sealed record Outgoing(string? Text, int? CloseCode, string? CloseReason);
}
