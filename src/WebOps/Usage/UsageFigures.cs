using System.Globalization;

namespace WebOps.Usage;

/// <summary>Figures as people read them, the same on the server-rendered page and in the API.</summary>
public static class UsageFigures
{
    public static double? MemoryPercent(UsagePoint p) =>
        p.MemoryLimitBytes is > 0 and var limit ? Math.Round(p.MemoryBytes * 100.0 / limit, 1) : null;

    /// <summary>Binary units, one decimal from KiB up: <c>512 B</c>, <c>1.5 MiB</c>.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var i = 0;
        while (bytes >= 1024 && i < units.Length - 1)
        {
            bytes /= 1024;
            i++;
        }

        return i == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {units[i]}");
    }

    /// <summary>A rate in bytes per second, or a dash when none was measured.</summary>
    public static string Rate(double? bytesPerSecond) => bytesPerSecond is { } r ? Bytes(r) + "/s" : "–";

    public static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
