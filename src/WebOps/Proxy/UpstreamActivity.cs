using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebOps.Core.Proxy;

namespace WebOps.Proxy;

/// <summary>
/// The drain of a previous release, watched through Caddy's count of requests in flight to its upstream: it ends as
/// soon as none is left, instead of always waiting the whole drain timeout. Caddy counts a request against an
/// upstream from the moment it picks it until the response is through, so a request the old release still serves
/// keeps its count above zero.
/// </summary>
public sealed class UpstreamActivity(CaddyAdminClient admin)
{
    /// <summary>
    /// The first look waits this long after the switch: a request Caddy picked the old upstream for just before the
    /// switch is counted by then.
    /// </summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(300);

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public async Task<DrainResult> DrainAsync(int? port, TimeSpan limit, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var unknown = port is null ? "the previous release's port is not known" : null;
        var inFlight = 0;
        var asked = false;
        try
        {
            await Task.Delay(unknown is null && limit > Minimum ? Minimum : limit, ct);
            while (true)
            {
                var left = limit - Stopwatch.GetElapsedTime(start);
                // Asked at least once, even when the timeout is shorter than the minimum.
                if (unknown is null && (left > TimeSpan.Zero || !asked))
                {
                    asked = true;
                    (inFlight, unknown) = await AskAsync(port!.Value, left > TimeSpan.Zero ? left : Interval, ct);
                    if (unknown is null && inFlight == 0)
                    {
                        return new DrainResult(Stopwatch.GetElapsedTime(start), DrainEnd.Idle);
                    }

                    left = limit - Stopwatch.GetElapsedTime(start);
                }

                if (left <= TimeSpan.Zero)
                {
                    return unknown is null
                        ? new DrainResult(Stopwatch.GetElapsedTime(start), DrainEnd.TimedOut, Requests(inFlight))
                        : new DrainResult(Stopwatch.GetElapsedTime(start), DrainEnd.Unknown, unknown);
                }

                await Task.Delay(unknown is null && left > Interval ? Interval : left, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new DrainResult(Stopwatch.GetElapsedTime(start), DrainEnd.Cancelled);
        }
    }

    /// <summary>
    /// The requests in flight to any upstream on loopback port <paramref name="port"/> (slot <c>b</c> is dialled as
    /// <c>[::ffff:127.0.0.1]</c>, see <see cref="SlotPorts"/>), or null when Caddy lists none there (then it cannot tell).
    /// </summary>
    public static int? InFlight(JsonNode? upstreams, int port)
    {
        var suffix = string.Create(CultureInfo.InvariantCulture, $":{port}");
        int? total = null;
        foreach (var u in upstreams as JsonArray ?? [])
        {
            if (u?["address"] is JsonValue a && a.TryGetValue<string>(out var address) && address.EndsWith(suffix, StringComparison.Ordinal)
                && u["num_requests"] is JsonValue n && n.TryGetValue<int>(out var requests))
            {
                total = (total ?? 0) + requests;
            }
        }

        return total;
    }

    /// <summary>One look, within what is left of the drain; the reason the edge cannot tell, or null.</summary>
    private async Task<(int InFlight, string? Unknown)> AskAsync(int port, TimeSpan left, CancellationToken ct)
    {
        using var limited = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limited.CancelAfter(left);
        try
        {
            return InFlight(await admin.GetUpstreamsAsync(limited.Token), port) is { } n
                ? (n, null)
                : (0, string.Create(CultureInfo.InvariantCulture, $"Caddy's admin API lists no upstream at port {port}, so requests in flight could not be counted"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? "it did not answer in time" : e.Message;
            return (0, $"Caddy's admin API could not say what is in flight ({why})");
        }
    }

    private static string Requests(int n) => n == 1 ? "1 request" : string.Create(CultureInfo.InvariantCulture, $"{n} requests");
}
