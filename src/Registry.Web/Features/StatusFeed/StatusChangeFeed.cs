using StackExchange.Redis;

namespace Registry.Web.Features.StatusFeed;

/// <summary>
/// This instance's end of the feed: one Redis subscription to the namespace's channel, fanned out in-process to
/// every subscriber (GraphQL subscriptions). Messages arrive in order from one queue; a sequence at or below the
/// last one delivered is a repeat from a relay failover and is dropped, so no subscriber sees a change twice.
/// </summary>
public sealed partial class StatusChangeFeed(RedisConnection redis, FeedNames names, ILogger<StatusChangeFeed> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private List<IObserver<CertificateStatusChange>> _observers = [];
    private long _lastDelivered;
    private long _repeatsDropped;
    private volatile bool _listening;

    /// <summary>False when no Redis is configured: there is no feed to subscribe to.</summary>
    public bool IsAvailable => redis.IsConfigured;

    /// <summary>True once the Redis subscription is in place (Redis itself may drop and come back later).</summary>
    public bool IsListening => _listening;

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _observers.Count;
            }
        }
    }

    public long RepeatsDropped => Interlocked.Read(ref _repeatsDropped);

    /// <summary>The highest outbox sequence this instance has delivered to its subscribers.</summary>
    public long LastDelivered
    {
        get
        {
            lock (_gate)
            {
                return _lastDelivered;
            }
        }
    }

    /// <summary>The changes that pass <paramref name="filter"/>, from the moment of subscribing.</summary>
    public IObservable<CertificateStatusChange> Changes(Func<CertificateStatusChange, bool> filter) => new FilteredChanges(this, filter);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.IsConfigured)
        {
            LogOff();
            return;
        }

        ChannelMessageQueue? queue = null;
        while (queue is null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                var multiplexer = await redis.GetAsync(stoppingToken);
                // One ordered queue: messages are handled one at a time, in the order Redis delivered them.
                // StackExchange.Redis renews the subscription itself after a reconnect.
                queue = await multiplexer.GetSubscriber().SubscribeAsync(names.Channel);
                queue.OnMessage(message => Deliver(message.Message));
                _listening = true;
                LogListening(names.Namespace);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogSubscribeFailed(ex);
                try
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }

        _listening = false;
        if (queue is not null)
        {
            try
            {
                await queue.UnsubscribeAsync();
            }
            catch (Exception ex) when (ex is RedisException or ObjectDisposedException)
            {
                // Redis is gone already; the subscription went with it.
            }
        }

        Complete();
    }

    private void Deliver(RedisValue message)
    {
        if (CertificateStatusChange.FromJson(message) is not { } change)
        {
            LogUnreadable();
            return;
        }

        List<IObserver<CertificateStatusChange>> observers;
        lock (_gate)
        {
            if (change.Sequence <= _lastDelivered)
            {
                Interlocked.Increment(ref _repeatsDropped);
                return;
            }

            _lastDelivered = change.Sequence;
            observers = _observers;
        }

        foreach (var observer in observers)
        {
            try
            {
                observer.OnNext(change);
            }
            catch (Exception ex)
            {
                // One subscriber's failure must not keep the change from the others.
                LogObserverFailed(ex);
            }
        }
    }

    private void Complete()
    {
        List<IObserver<CertificateStatusChange>> observers;
        lock (_gate)
        {
            observers = _observers;
            _observers = [];
        }

        foreach (var observer in observers)
        {
            observer.OnCompleted();
        }
    }

    // The list is replaced, never changed, so delivery iterates a snapshot without holding the lock.
    private Removal Add(IObserver<CertificateStatusChange> observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }

        return new Removal(this, observer);
    }

    private void Remove(IObserver<CertificateStatusChange> observer)
    {
        lock (_gate)
        {
            _observers = _observers.Where(o => !ReferenceEquals(o, observer)).ToList();
        }
    }

    private sealed class Removal(StatusChangeFeed feed, IObserver<CertificateStatusChange> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Remove(observer);
            }
        }
    }

    private sealed class FilteredChanges(StatusChangeFeed feed, Func<CertificateStatusChange, bool> filter) : IObservable<CertificateStatusChange>
    {
        public IDisposable Subscribe(IObserver<CertificateStatusChange> observer) => feed.Add(new Filtering(observer, filter));
    }

    private sealed class Filtering(IObserver<CertificateStatusChange> inner, Func<CertificateStatusChange, bool> filter) : IObserver<CertificateStatusChange>
    {
        public void OnCompleted() => inner.OnCompleted();

        public void OnError(Exception error) => inner.OnError(error);

        public void OnNext(CertificateStatusChange value)
        {
            if (filter(value))
            {
                inner.OnNext(value);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status feed: ConnectionStrings:Redis is not set; GraphQL subscriptions are off")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Status feed: listening on Redis (namespace {Namespace})")]
    private partial void LogListening(string @namespace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status feed: cannot subscribe on Redis; trying again")]
    private partial void LogSubscribeFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status feed: a message on the channel could not be read; skipped")]
    private partial void LogUnreadable();

    [LoggerMessage(Level = LogLevel.Error, Message = "Status feed: a subscriber failed on a change")]
    private partial void LogObserverFailed(Exception exception);
}
