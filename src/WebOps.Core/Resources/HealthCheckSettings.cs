namespace WebOps.Core.Resources;

/// <summary>
/// A container health check that asks the app over HTTP from inside its container (<c>GET http://127.0.0.1:PORT/PATH</c>
/// with wget or curl). Durations are Go durations as Docker writes them (<c>30s</c>, <c>1m30s</c>).
/// </summary>
public sealed record HealthCheckSettings
{
    public const string DefaultInterval = "30s";
    public const string DefaultTimeout = "5s";
    public const int DefaultRetries = 3;
    public const string DefaultStartPeriod = "0s";

    /// <summary>
    /// Fixed shell text: the URL reaches it only as <c>$1</c>, never as code. Images have wget (busybox, Alpine) or
    /// curl (Debian-based) more often than both; either one answering is enough.
    /// </summary>
    public const string Script = "wget -q -O /dev/null \"$1\" || curl -fsS -o /dev/null \"$1\"";

    /// <summary>The <c>$0</c> of <see cref="Script"/>: the name its errors carry.</summary>
    public const string ScriptName = "webops-health";

    public required string Path { get; init; }

    public string Interval { get; init; } = DefaultInterval;

    public string Timeout { get; init; } = DefaultTimeout;

    public int Retries { get; init; } = DefaultRetries;

    public string StartPeriod { get; init; } = DefaultStartPeriod;

    /// <summary>The address probed from inside the container.</summary>
    public string Url(int port) => $"http://127.0.0.1:{port}{Path}";
}
