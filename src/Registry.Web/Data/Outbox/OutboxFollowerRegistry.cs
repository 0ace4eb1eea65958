using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Registry.Web.Data.Outbox;

/// <summary>The outbox followers running in this instance, and what each last reported.</summary>
public sealed class OutboxFollowerRegistry(TimeProvider? clock = null)
{
    private readonly ConcurrentDictionary<string, OutboxListener> _listeners = new(StringComparer.Ordinal);
    private long _latestKnown;

    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>The highest outbox sequence any follower here has reached.</summary>
    public long LatestKnownSequence => Interlocked.Read(ref _latestKnown);

    public IReadOnlyList<OutboxFollowerStatus> Statuses() =>
        _listeners.Values.Select(l => l.Status).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public OutboxFollowerStatus? Find(string name) => _listeners.TryGetValue(name, out var listener) ? listener.Status : null;

    internal void Add(OutboxListener listener) => _listeners[listener.Name] = listener;

    internal void Saw(long sequence)
    {
        var known = Interlocked.Read(ref _latestKnown);
        while (sequence > known)
        {
            var previous = Interlocked.CompareExchange(ref _latestKnown, sequence, known);
            if (previous == known)
            {
                return;
            }

            known = previous;
        }
    }
}

public static class OutboxFollowerExtensions
{
    /// <summary>A follower as a singleton (others read its state) that runs as a hosted service, and the registry it reports to.</summary>
    public static IServiceCollection AddOutboxFollower<TFollower>(this IServiceCollection services)
        where TFollower : class, IHostedService
    {
        services.TryAddSingleton(sp => new OutboxFollowerRegistry(sp.GetService<TimeProvider>()));
        services.AddSingleton<TFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<TFollower>());
        return services;
    }
}
