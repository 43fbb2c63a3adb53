namespace WebOps.Hosting;

/// <summary>
/// A logger provider that prints nothing and only remembers when the last log line was written (under the same
/// level rules as the console), so start-up can tell when the background services' first lines are out.
/// </summary>
public sealed class LogActivity(TimeProvider clock) : ILoggerProvider, ILogger
{
    private long lastWrite = clock.GetTimestamp();

    /// <summary>How long no line has been logged.</summary>
    public TimeSpan Quiet => clock.GetElapsedTime(Interlocked.Read(ref lastWrite));

    public ILogger CreateLogger(string categoryName) => this;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Interlocked.Exchange(ref lastWrite, clock.GetTimestamp());

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Dispose()
    {
    }
}
