using System.Threading.Channels;
using Registry.Web.Features.StatusFeed;

namespace Registry.Web.Tests.StatusFeed;

/// <summary>An in-process subscriber to one instance's feed, collecting what it is given.</summary>
public sealed class FeedProbe : IObserver<CertificateStatusChange>, IDisposable
{
    private readonly Channel<CertificateStatusChange> _received = Channel.CreateUnbounded<CertificateStatusChange>();
    private readonly IDisposable _subscription;

    public FeedProbe(StatusChangeFeed feed, Func<CertificateStatusChange, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _subscription = feed.Changes(filter).Subscribe(this);
    }

    public void OnCompleted() => _received.Writer.TryComplete();

    public void OnError(Exception error) => _received.Writer.TryComplete(error);

    public void OnNext(CertificateStatusChange value) => _received.Writer.TryWrite(value);

    public async Task<CertificateStatusChange> NextAsync(double seconds = 5)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no change arrived within {seconds} s");
            throw;
        }
    }

    /// <summary>Everything received so far, without waiting.</summary>
    public List<CertificateStatusChange> Drain()
    {
        var all = new List<CertificateStatusChange>();
        while (_received.Reader.TryRead(out var change))
        {
            all.Add(change);
        }

        return all;
    }

    public void Dispose() => _subscription.Dispose();
}
