using System.Globalization;
using System.Net.Sockets;
using WebOps.Core.Deployments;

namespace WebOps.Core.Health;

/// <summary>
/// Turns an HTTP probe's outcome into a reading whose message says what happened and how long it took:
/// <c>GET / answered 503 in 12 ms</c>, <c>GET / failed after 2.0 s: connection refused</c>.
/// </summary>
public static class ProbeReport
{
    /// <summary>The app answered. Healthy when the status is the expected one, or below 500 when none is set.</summary>
    public static HealthReading Answered(string path, int status, TimeSpan elapsed, int? expected)
    {
        var healthy = expected is { } want ? status == want : status < 500;
        var message = $"GET {path} answered {status} in {Duration(elapsed)}";
        if (!healthy)
        {
            message += expected is { } e ? $" (expected {e})" : " (a server error)";
        }

        return new HealthReading(healthy ? HealthState.Healthy : HealthState.Unhealthy, message, HealthSources.Probe, Metrics(status, elapsed));
    }

    /// <summary>No answer: connection refused, reset, timed out.</summary>
    public static HealthReading Failed(string path, TimeSpan elapsed, string error) =>
        new(HealthState.Unhealthy, $"GET {path} failed after {Duration(elapsed)}: {error}", HealthSources.Probe, Metrics(null, elapsed));

    /// <summary>Milliseconds below a second (<c>12 ms</c>), else seconds with one decimal (<c>2.0 s</c>).</summary>
    public static string Duration(TimeSpan elapsed) => elapsed < TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMilliseconds} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");

    /// <summary>A short, lower-case cause for a failed request, e.g. <c>connection refused</c>.</summary>
    public static string DescribeError(Exception e, TimeSpan timeout)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException s:
                    return SocketText(s.SocketErrorCode);
                case TimeoutException:
                case OperationCanceledException:
                    return $"no answer within {Duration(timeout)}";
                case IOException when inner.InnerException is null:
                    return "the connection was closed before the answer was complete";
            }
        }

        return e.Message;
    }

    private static string SocketText(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        _ => $"socket error {error}",
    };

    private static Dictionary<string, object?> Metrics(int? status, TimeSpan elapsed) => new()
    {
        ["status_code"] = status,
        ["duration_ms"] = (long)elapsed.TotalMilliseconds,
    };
}
