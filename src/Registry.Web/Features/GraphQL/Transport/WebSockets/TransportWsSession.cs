using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using GraphQL;
using GraphQLParser.AST;
using Registry.Web.Features.GraphQL.Api.Mutations;
using Registry.Web.Features.GraphQL.Errors;
using Registry.Web.Features.Input;
using static Registry.Web.Features.GraphQL.Transport.WebSockets.TransportWsProtocol;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: the protocol's state (initialised, acknowledged, the operations running)
/// and what each client message does. The socket is the <see cref="TransportWsPump"/>'s; subscription results
/// reach the client through a <see cref="SubscriptionForwarder"/>. Operations run in scopes of their own;
/// subscriptions run through GraphQL.NET's subscription execution.
/// </summary>
public sealed partial class TransportWsSession : IDisposable
{
    private readonly HttpContext _http;
    private readonly IDocumentExecuter _executer;
    private readonly RequestReader _reader;
    private readonly TransportWsOptions _options;
    private readonly ILogger _logger;
    private readonly TransportWsPump _pump;
    private readonly TransportWsReplies _replies;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _operations = new();
    private readonly CancellationTokenSource _closing = new();
    private bool _initReceived;
    private volatile bool _acknowledged;

    public TransportWsSession(
        WebSocket socket,
        HttpContext http,
        IDocumentExecuter executer,
        IGraphQLTextSerializer serializer,
        RequestReader reader,
        TransportWsOptions options,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _executer = executer;
        _reader = reader;
        _options = options;
        _logger = logger;
        _pump = new TransportWsPump(socket, options, http.RequestAborted);
        _replies = new TransportWsReplies(_pump, serializer);
    }

    public async Task RunAsync()
    {
        var initTimeout = CloseUnlessInitialisedAsync();
        await _pump.RunAsync(Handle, StopOperationsAsync);
        await initTimeout;
    }

    public void Dispose()
    {
        _pump.Dispose();
        _closing.Dispose();
    }

    private async Task StopOperationsAsync()
    {
        await _closing.CancelAsync();
        foreach (var operation in _operations.Values)
        {
            await operation.CancelAsync();
        }
    }

    /// <summary>Acts on one client message; false once the connection is being closed.</summary>
    private bool Handle(ReadOnlyMemory<byte> text)
    {
        if (JsonText.CheckBody(text.Span) is not null)
        {
            return _pump.Close(BadRequest, "Invalid message: not UTF-8.");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return _pump.Close(BadRequest, "Invalid message: not JSON.");
        }

        using (json)
        {
            var message = json.RootElement;
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                return _pump.Close(BadRequest, "Invalid message: an object with a string type is required.");
            }

            switch (typeElement.GetString())
            {
                case ConnectionInit:
                    if (_initReceived)
                    {
                        return _pump.Close(TooManyInitialisationRequests, "Too many initialisation requests");
                    }

                    _initReceived = true;
                    if (message.TryGetProperty("payload", out var initPayload) && initPayload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        return _pump.Close(BadRequest, "Invalid message: the connection_init payload must be an object.");
                    }

                    // Subscriptions are public: every connection is accepted without credentials.
                    _acknowledged = true;
                    _replies.ConnectionAck();
                    return true;
                case Ping:
                    _replies.Pong();
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
                    return _pump.Close(BadRequest, "Invalid message: unknown type.");
            }
        }
    }

    private bool StartOperation(JsonElement message)
    {
        if (!_acknowledged)
        {
            return _pump.Close(Unauthorized, "Unauthorized");
        }

        if (!TryId(message, out var id))
        {
            return _pump.Close(BadRequest, "Invalid message: subscribe needs a non-empty string id.");
        }

        if (!message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return _pump.Close(BadRequest, "Invalid message: subscribe needs a payload object with a query.");
        }

        var (request, problem) = _reader.FromJson(payload);
        if (problem is not null || request is null)
        {
            return _pump.Close(BadRequest, $"Invalid message: {problem?.Message}");
        }

        if (_operations.ContainsKey(id))
        {
            return _pump.Close(SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }

        if (_operations.Count >= _options.MaxSubscriptionsPerConnection)
        {
            _replies.Error(id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.TooManySubscriptions,
                $"A connection may run {_options.MaxSubscriptionsPerConnection} operations at once; complete one first.")] });
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
            await using var scope = _http.RequestServices.CreateAsyncScope();
            if (DocumentParser.TryParse(request.Query, out var parseFailure) is not { } document)
            {
                _replies.Error(id, parseFailure!);
                return;
            }

            // Changes are published over HTTP with an API key; a socket carries reads and subscriptions only.
            if (RequestedOperation.Find(document, request.OperationName).Kind == OperationType.Mutation)
            {
                _replies.Error(id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.OperationNotSupported,
                    "Mutations are sent with POST /graphql, not over the WebSocket.")] });
                return;
            }

            // No API key travels on the socket (mutations are refused above), so the caller is always anonymous.
            var result = await _executer.ExecuteAsync(request.ToExecutionOptions(
                document, scope.ServiceProvider, _http.User, new RegistryUserContext(null), cancellation.Token));

            if (result.Streams is { Count: > 0 } streams)
            {
                await SubscriptionForwarder.ForwardAsync(streams.Values.First(), _replies, id, LogOperationFailed, cancellation.Token);
            }
            else if (!result.Executed)
            {
                _replies.Error(id, result);
            }
            else
            {
                _replies.Next(id, result);
                _replies.Complete(id);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client completed the operation, or the connection closed.
        }
        catch (Exception ex)
        {
            LogOperationFailed(ex);
            _replies.Error(id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.InternalError, "The operation failed on the server.")] });
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

    private async Task CloseUnlessInitialisedAsync()
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _closing.Token);
            if (!_initReceived)
            {
                _pump.Close(ConnectionInitialisationTimeout, "Connection initialisation timeout");
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

    [LoggerMessage(Level = LogLevel.Error, Message = "GraphQL over WebSocket: an operation failed")]
    private partial void LogOperationFailed(Exception exception);
}
