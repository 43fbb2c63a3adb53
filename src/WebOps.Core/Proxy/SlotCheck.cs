using System.Text.Json;

namespace WebOps.Core.Proxy;

/// <summary>
/// One health check of an upstream slot as the slot server's access log records it (<see cref="CaddyConfig.SlotLogFile"/>):
/// which slot it was for, what it asked (<see cref="SlotPorts.HealthUri"/>) and the status it got: 200 while the
/// slot's health file exists, 404 once it is gone. Caddy marks the slot healthy or down on that answer, so these lines
/// are what a switch waits on instead of a fixed time.
/// </summary>
public sealed record SlotCheck(string Slot, string Uri, int Status)
{
    /// <summary>The check one log line records; null for any other line (another logger, not JSON, cut short).</summary>
    public static SlotCheck? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Contains(AccessLogger, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("logger", out var logger) || logger.ValueKind != JsonValueKind.String || logger.GetString() != AccessLogger
                || !root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object
                || !request.TryGetProperty("host", out var host) || host.ValueKind != JsonValueKind.String
                || !request.TryGetProperty("uri", out var uri) || uri.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("status", out var status) || !status.TryGetInt32(out var code))
            {
                return null;
            }

            return SlotPorts.SlotOfHost(host.GetString()!) is { } slot ? new SlotCheck(slot, uri.GetString()!, code) : null;
        }
        catch (JsonException)
        {
            // A line Caddy was still writing when it was read; the checks repeat, so the next one counts instead.
            return null;
        }
    }

    /// <summary>The logger name of the slot server's access log (<see cref="CaddyConfig"/>).</summary>
    public const string AccessLogger = "http.log.access." + CaddyConfig.SlotLog;
}
