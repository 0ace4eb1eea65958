using GraphQL;
using Registry.Web.Features.GraphQL.Errors;

namespace Registry.Web.Features.GraphQL.Transport.WebSockets;

/// <summary>
/// Forwards one subscription's results to the client as next messages, until the stream ends (complete), fails
/// (error) or the operation is stopped (nothing more is sent). Whichever comes first ends it; events that arrive
/// after that are dropped, so the client never sees a next after its operation's last message.
/// </summary>
public sealed class SubscriptionForwarder : IObserver<ExecutionResult>
{
    private readonly TransportWsReplies _replies;
    private readonly string _id;
    private readonly Action<Exception> _failed;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SubscriptionForwarder(TransportWsReplies replies, string id, Action<Exception> failed)
    {
        _replies = replies;
        _id = id;
        _failed = failed;
    }

    /// <summary>Forwards <paramref name="stream"/> until it ends; throws <see cref="OperationCanceledException"/> when stopped first.</summary>
    public static async Task ForwardAsync(IObservable<ExecutionResult> stream, TransportWsReplies replies, string id, Action<Exception> failed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var forwarder = new SubscriptionForwarder(replies, id, failed);
        using var subscription = stream.Subscribe(forwarder);
        using (cancellationToken.Register(() => forwarder._ended.TrySetCanceled(cancellationToken)))
        {
            await forwarder._ended.Task;
        }
    }

    public void OnNext(ExecutionResult value)
    {
        if (!_ended.Task.IsCompleted)
        {
            _replies.Next(_id, value);
        }
    }

    public void OnError(Exception error)
    {
        _failed(error);
        if (_ended.TrySetResult())
        {
            _replies.Error(_id, new ExecutionResult { Errors = [new ApiError(ErrorCodes.InternalError, "The subscription failed on the server.")] });
        }
    }

    public void OnCompleted()
    {
        if (_ended.TrySetResult())
        {
            _replies.Complete(_id);
        }
    }
}
