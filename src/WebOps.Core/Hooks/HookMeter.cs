using System.Diagnostics.Metrics;

namespace WebOps.Core.Hooks;

/// <summary>
/// Hook durations as a .NET metric (meter <c>WebOps.Hooks</c>), so the panel can publish them without Core knowing
/// any metrics format. Tags: the hook's event and addon, both few in number.
/// </summary>
public static class HookMeter
{
    public const string MeterName = "WebOps.Hooks";
    public const string DurationName = "webops.hook.duration";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(DurationName, "s", "How long one hook ran");

    public static void Record(HookEvent hookEvent, string addon, TimeSpan took) =>
        Duration.Record(took.TotalSeconds, new("event", hookEvent.ToName()), new("addon", addon));
}
