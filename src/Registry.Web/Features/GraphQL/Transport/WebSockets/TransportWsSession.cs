using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Input;
using static Registry.Web.Features.GraphQL.Transport.WebSockets.TransportWsProtocol;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection. One loop receives and one loop sends (a WebSocket allows one of each at a
/// time), so every outgoing message, the close frame included, goes through the send queue in order.
/// Operations run in scopes of their own; subscriptions run through GraphQL.NET's subscription execution.
/// </summary>
public sealed partial class TransportWsSession(
    WebSocket socket,
    HttpContext http,
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    RequestReader reader,
    TransportWsOptions options,
    ILogger logger) : IDisposable
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new();
    private readonly CancellationTokenSource _receiving = new();
    private readonly CancellationTokenSource _closing = new();
    private int _pending;
    private int _closed;
    private bool _initReceived;
    private volatile bool _acknowledged;

    public async Task RunAsync()
    {
        using var aborted = http.RequestAborted.Register(_receiving.Cancel);
        var sending = SendLoopAsync();
        var initTimeout = CloseUnlessInitialisedAsync();
        try
        {
            await ReceiveLoopAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the connection was closed from this side.
        }
        finally
        {
            await _closing.CancelAsync();
            foreach (var operation in _operations.Values)
            {
                await operation.CancelAsync();
            }

            _outgoing.Writer.TryComplete();
            await sending;
            await initTimeout;
        }
    }

    public void Dispose()
    {
        _receiving.Dispose();
        _closing.Dispose();
    }

    private async Task ReceiveLoopAsync()
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

                if (!Handle(buffer.AsMemory(0, length)))
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

    /// <summary>Acts on one client message; false once the connection is being closed.</summary>
    private bool Handle(ReadOnlyMemory<byte> text)
    {
        if (JsonText.CheckBody(text.Span) is not null)
        {
            return Close(BadRequest, "Invalid message: not UTF-8.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return Close(BadRequest, "Invalid message: not JSON.");
        }

        using (json)
        {
            var message = json.RootElement;
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return Close(BadRequest, "Invalid message: an object with a string type is required.");
            }

            switch (typeElement.GetString())
            {
                case ConnectionInit:
                    if (_initReceived)
                    {
                        return Close(TooManyInitialisationRequests, "Too many initialisation requests");
                    }

                    _initReceived = true;
                    if (message.TryGetProperty("payload", out var initPayload) && initPayload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        return Close(BadRequest, "Invalid message: the connection_init payload must be an object.");
                    }

                    // Subscriptions are public: every connection is accepted without credentials.
                    _acknowledged = true;
                    Send(Envelope(ConnectionAck, null, null));
                    return true;
                case Ping:
                    Send(Envelope(Pong, null, null));
                    return true;
                case Pong:
                    return true;
                case Subscribe:
                    return StartOperation(message);
                case Complete:
                    if (TryId(message, out var completedId) && _operations.TryRemove(completedId, out var stopping))
                    {
                        stopping.Cancel();
                    }

                    return true;
                default:
                    return Close(BadRequest, "Invalid message: unknown type.");
            }
        }
    }

    private bool StartOperation(JsonElement message)
    {
        if (!_acknowledged)
        {
            return Close(Unauthorized, "Unauthorized");
        }

        if (!TryId(message, out var id))
        {
            return Close(BadRequest, "Invalid message: subscribe needs a non-empty string id.");
        }

        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return Close(BadRequest, "Invalid message: subscribe needs a payload object with a query.");
        }

        var (request, problem) = reader.FromJson(payload);
        if (problem is not null || request is null)
        {
            return Close(BadRequest, $"Invalid message: {problem?.Message}");
        }

        if (_operations.ContainsKey(id))
        {
            return Close(SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }

        if (_operations.Count >= options.MaxSubscriptionsPerConnection)
        {
            SendErrors(id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.TooManySubscriptions,
                $"A connection may run {options.MaxSubscriptionsPerConnection} operations at once; complete one first.")] });
            return true;
        }

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        _operations[id] = cancellation;
        _ = RunOperationAsync(id, request, cancellation);
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLHttpRequest request, CancellationTokenSource cancellation)
    {
        try
        {
            await using var scope = http.RequestServices.CreateAsyncScope();
            if (DocumentParser.TryParse(request.Query, out var parseFailure) is not { } document)
            {
                SendErrors(id, parseFailure!);
                return;
            }

            // Changes are published over HTTP with an API key; a socket carries reads and subscriptions only.
            if (RequestedOperation.Find(document, request.OperationName).Kind == OperationType.Mutation)
            {
                SendErrors(id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.OperationNotSupported,
                    "Mutations are sent with POST /graphql, not over the WebSocket.")] });
                return;
            }

            // No API key travels on the socket (mutations are refused above), so the caller is always anonymous.
            var result = await executer.ExecuteAsync(request.ToExecutionOptions(
                document, scope.ServiceProvider, http.User, new RegistryUserContext(null), cancellation.Token));

            if (result.Streams is { Count: > 0 } streams)
            {
                await StreamAsync(id, streams.Values.First(), cancellation.Token);
            }
            else if (!result.Executed)
            {
                SendErrors(id, result);
            }
            else
            {
                SendNext(id, result);
                Send(Envelope(Complete, id, null));
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client completed the operation, or the connection closed.
        }
        catch (Exception ex)
        {
            LogOperationFailed(ex);
            SendErrors(id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.InternalError, "The operation failed on the server.")] });
        }
        finally
        {
            if (_operations.TryGetValue(id, out var current) && ReferenceEquals(current, cancellation))
            {
                _operations.TryRemove(id, out _);
            }

            cancellation.Dispose();
        }
    }

    private async Task StreamAsync(string id, IObservable<ExecutionResult> stream, CancellationToken cancellationToken)
    {
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = stream.Subscribe(new StreamObserver(this, id, ended));
        using (cancellationToken.Register(() => ended.TrySetCanceled(cancellationToken)))
        {
            await ended.Task;
        }
    }

    private sealed class StreamObserver(TransportWsSession session, string id, TaskCompletionSource ended) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (!ended.Task.IsCompleted)
            {
                session.SendNext(id, value);
            }
        }

        public void OnError(Exception error)
        {
            session.LogOperationFailed(error);
            if (ended.TrySetResult())
            {
                session.SendErrors(id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.InternalError, "The subscription failed on the server.")] });
            }
        }

        public void OnCompleted()
        {
            if (ended.TrySetResult())
            {
                session.Send(Envelope(Complete, id, null));
            }
        }
    }

    private void SendNext(string id, ExecutionResult result) => Send(Envelope(Next, id, serializer.Serialize(result)));

    // An error message carries the errors alone (the protocol's GraphQLError[]), in the API's own format.
    private void SendErrors(string id, ExecutionResult result)
    {
        using var written = JsonDocument.Parse(serializer.Serialize(result));
        var errors = written.RootElement.TryGetProperty("errors", out var list) ? list.GetRawText() : "[]";
        Send(Envelope(Error, id, errors));
    }

    private static string Envelope(string type, string? id, string? payloadJson)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writing))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (payloadJson is not null)
            {
                writer.WritePropertyName("payload");
                writer.WriteRawValue(payloadJson, skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private void Send(string text)
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
    private bool Close(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _outgoing.Writer.TryWrite(new Outgoing(null, code, reason));
        }

        return false;
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
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, http.RequestAborted);
                    continue;
                }

                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await socket.CloseOutputAsync((WebSocketCloseStatus)message.CloseCode!.Value, message.CloseReason, http.RequestAborted);
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

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(options.ConnectionInitTimeout, _closing.Token);
            if (!_initReceived)
            {
                Close(ConnectionInitialisationTimeout, "Connection initialisation timeout");
            }
        }
        catch (OperationCanceledException)
        {
            // The connection closed first.
        }
    }

    private static bool TryId(JsonElement message, out string id)
    {
        id = message.TryGetProperty("id", out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() ?? string.Empty : string.Empty;
        return id.Length > 0;
    }

    private sealed record Outgoing(string? Text, int? CloseCode, string? CloseReason);

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL over WebSocket: an operation failed")]
    private partial void LogOperationFailed(Exception exception);
}
