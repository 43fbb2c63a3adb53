using System.Globalization;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>Durations as people write them in messages: <c>10 min</c>, <c>90 s</c>.</summary>
public static class Durations
{
    public static string Describe(TimeSpan duration) =>
        duration.TotalMinutes >= 1 && duration.Seconds == 0 && duration.Milliseconds == 0
            ? $"{duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)} min"
            : $"{Math.Round(duration.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture)} s";
}
