using System.Globalization;

namespace WebOps.Addons.Process.Supervision;

/// <summary>Reads what the kernel says about a process in <c>/proc</c>.</summary>
public static class ProcStat
{
    /// <summary>
    /// The start time (clock ticks since boot, field 22 of <c>/proc/PID/stat</c>) of a live process, or null when
    /// it does not exist or is a zombie. Comparing it with the recorded value guards against a reused pid.
    /// </summary>
    public static long? StartTime(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 20 || fields[0] is "Z" or "X")
        {
            return null;
        }

        return long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
    }

    /// <summary>True when <paramref name="pid"/> is alive and is still the process started at <paramref name="startTime"/>.</summary>
    public static bool IsSame(int pid, long startTime) => StartTime(pid) == startTime;

    /// <summary>Resident memory in bytes (<c>VmRSS</c> of <c>/proc/PID/status</c>), or null.</summary>
    public static long? RssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.TryParse(kb, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value * 1024 : null;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }
}
