using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Registry.Web.Tests.TestSupport;

/// <summary>
/// A log line as tests read it: the message, the structured values too (a sink may store them even when the message
/// template leaves them out), and the exception text.
/// </summary>
internal static class CapturedLine
{
    public static string Of<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var text = formatter(state, exception);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            text += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
        }

        return exception is null ? text : text + "\n" + exception;
    }
}

/// <summary>Keeps every log line (message and exception text) so that tests can read the audit trail.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public string All => string.Join("\n", Lines.Select(l => l.Text));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, CapturedLine.Of(state, exception, formatter)));
}

/// <summary>Puts every log line of a site, of every category and level the site lets through, into <paramref name="lines"/>.</summary>
internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Capturing(lines);

    public void Dispose()
    {
    }

    private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(CapturedLine.Of(state, exception, formatter));
    }
}
