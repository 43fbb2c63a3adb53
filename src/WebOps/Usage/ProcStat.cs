using System.Globalization;

namespace WebOps.Usage;

/// <summary>
/// The fields of <c>/proc/PID/stat</c> the sampler needs: CPU time (user + system, in clock ticks), the start time
/// (ticks after boot; with the pid it names one process, since pids are reused) and the resident pages.
/// </summary>
public sealed record ProcStat(ulong CpuTicks, ulong StartTicks, long ResidentPages)
{
    /// <summary>
    /// The kernel's USER_HZ: the unit of /proc CPU times, 100 on every architecture .NET runs on Linux (it is part of
    /// the user-space ABI, whatever the kernel's own tick rate).
    /// </summary>
    public const int TicksPerSecond = 100;

    /// <summary>Null when the text is not a stat line. The command name (field 2) may hold spaces and parentheses.</summary>
    public static ProcStat? Parse(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        // After ")": field 3 (state) is index 0, so field N is index N - 3.
        var f = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return f.Length > 21
            && ulong.TryParse(f[11], NumberStyles.None, CultureInfo.InvariantCulture, out var utime)
            && ulong.TryParse(f[12], NumberStyles.None, CultureInfo.InvariantCulture, out var stime)
            && ulong.TryParse(f[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && long.TryParse(f[21], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var rss)
            ? new ProcStat(utime + stime, start, rss)
            : null;
    }

    /// <summary><c>read_bytes</c> and <c>write_bytes</c> of <c>/proc/PID/io</c> (what reached the disk); null when absent.</summary>
    public static (ulong? Read, ulong? Write) ParseIo(string text)
    {
        ulong? read = null, write = null;
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                if (parts[0] == "read_bytes")
                {
                    read = value;
                }
                else if (parts[0] == "write_bytes")
                {
                    write = value;
                }
            }
        }

        return (read, write);
    }
}
