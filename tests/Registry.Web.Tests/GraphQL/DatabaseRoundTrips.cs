using System.Collections.Concurrent;
using System.Diagnostics;

namespace Registry.Web.Tests.GraphQL;

/// <summary>
/// Counts the database commands one HTTP request makes, whoever makes them (EF Core or plain Npgsql): Npgsql
/// reports every command as an activity, and the request carries a trace id of the test's choosing (W3C
/// traceparent), so commands of other requests and of background work are not counted.
/// </summary>
public sealed class DatabaseRoundTrips : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, int> _counts = new();

    public DatabaseRoundTrips()
    {
        _listener = new ActivityListener
        {
            // ASP.NET Core's own activity must exist for the request's trace id to reach Npgsql's.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Commands only: Npgsql also reports opening a physical connection, which a pool under load does at
                // any moment and which is not a query the request made.
                if (activity.Source.Name == "Npgsql" && activity.Kind == ActivityKind.Client
                    && (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is not null)
                {
                    _counts.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A fresh trace id for one request and the traceparent header that carries it.</summary>
    public static (ActivityTraceId TraceId, string Header) NewTrace()
    {
        var trace = ActivityTraceId.CreateRandom();
        return (trace, $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
    }

    public int CountFor(ActivityTraceId trace) => _counts.GetValueOrDefault(trace);

    public void Dispose() => _listener.Dispose();
}
