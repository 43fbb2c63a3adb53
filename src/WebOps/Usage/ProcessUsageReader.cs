using System.Collections.Concurrent;

namespace WebOps.Usage;

/// <summary>
/// Reads a supervised process's use from <c>/proc</c>: that one process, not the children it starts (a server that
/// forks workers shows only its master). CPU % is the CPU time it used since the reading before, over the time
/// between; the first reading of a process has none yet. No network figures: a process shares the host's.
/// </summary>
public sealed class ProcessUsageReader(TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, (DateTimeOffset At, ProcStat Stat)> previous = new();

    public string ProcRoot { get; init; } = "/proc";

    /// <summary>Null when the process is gone.</summary>
    public async Task<UsageReading?> ReadAsync(int pid, CancellationToken ct)
    {
        var folder = Path.Combine(ProcRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ProcStat? stat;
        try
        {
            stat = ProcStat.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "stat"), ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            previous.TryRemove(pid, out _);
            return null;
        }

        if (stat is null)
        {
            return null;
        }

        var (read, write) = await ReadIoAsync(folder, ct);
        var now = clock.GetUtcNow();
        var cpu = 0.0;
        if (previous.TryGetValue(pid, out var before) && before.Stat.StartTicks == stat.StartTicks && now > before.At && stat.CpuTicks >= before.Stat.CpuTicks)
        {
            var usedSeconds = (stat.CpuTicks - before.Stat.CpuTicks) / (double)ProcStat.TicksPerSecond;
            cpu = Math.Round(usedSeconds / (now - before.At).TotalSeconds * 100, 2);
        }

        previous[pid] = (now, stat);
        return new UsageReading(
            now, $"pid {pid} started {stat.StartTicks}", cpu, stat.ResidentPages * Environment.SystemPageSize, null, null, null, read, write);
    }

    /// <summary>Forgets processes no longer read.</summary>
    public void KeepOnly(IReadOnlySet<int> pids)
    {
        foreach (var pid in previous.Keys.Where(p => !pids.Contains(p)))
        {
            previous.TryRemove(pid, out _);
        }
    }

    // /proc/PID/io is readable only by the process's owner (and root); without it the I/O figures stay empty.
    private static async Task<(ulong? Read, ulong? Write)> ReadIoAsync(string folder, CancellationToken ct)
    {
        try
        {
            return ProcStat.ParseIo(await File.ReadAllTextAsync(Path.Combine(folder, "io"), ct));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }
    }
}
