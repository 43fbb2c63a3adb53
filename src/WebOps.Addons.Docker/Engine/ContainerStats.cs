using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// One sample of a container's resource use. CpuPercent is of one CPU (200 = two full cores). The network and block
/// I/O byte counts are totals since the container started (null when the engine reports none).
/// </summary>
public sealed record ContainerStats(double CpuPercent, ulong MemoryBytes, ulong? MemoryLimitBytes)
{
    public ulong? NetworkRxBytes { get; init; }

    public ulong? NetworkTxBytes { get; init; }

    public ulong? BlockReadBytes { get; init; }

    public ulong? BlockWriteBytes { get; init; }

    /// <summary>The same arithmetic as <c>docker stats</c>: CPU delta over system delta times CPUs; memory without page cache.</summary>
    public static ContainerStats From(ContainerStatsResponse sample)
    {
        var cpu = 0.0;
        var now = sample.CPUStats;
        var before = sample.PreCPUStats;
        if (now?.CPUUsage is not null && before?.CPUUsage is not null && now.SystemUsage is { } system
            && before.SystemUsage is { } systemBefore && system > systemBefore && now.CPUUsage.TotalUsage >= before.CPUUsage.TotalUsage)
        {
            var cpus = now.OnlineCPUs is > 0 ? now.OnlineCPUs.Value : (uint)(now.CPUUsage.PercpuUsage?.Count ?? 1);
            cpu = (double)(now.CPUUsage.TotalUsage - before.CPUUsage.TotalUsage) / (system - systemBefore) * cpus * 100.0;
        }

        var memory = sample.MemoryStats;
        var usage = memory?.Usage ?? 0;
        var cache = memory?.Stats is { } stats
            ? (stats.TryGetValue("total_inactive_file", out var v1) ? v1 : stats.TryGetValue("inactive_file", out var v2) ? v2 : 0UL)
            : 0;
        var networks = sample.Networks?.Values;
        var blocks = sample.BlkioStats?.IoServiceBytesRecursive;
        return new ContainerStats(Math.Round(cpu, 2), usage > cache ? usage - cache : usage, memory?.Limit)
        {
            NetworkRxBytes = networks is { Count: > 0 } ? networks.Aggregate(0UL, (sum, n) => sum + n.RxBytes) : null,
            NetworkTxBytes = networks is { Count: > 0 } ? networks.Aggregate(0UL, (sum, n) => sum + n.TxBytes) : null,
            BlockReadBytes = blocks is null ? null : SumOf(blocks, "read"),
            BlockWriteBytes = blocks is null ? null : SumOf(blocks, "write"),
        };
    }

    // cgroup v1 names the operation "Read", cgroup v2 "read"; one entry per device.
    private static ulong SumOf(IEnumerable<BlkioStatEntry> entries, string op) =>
        entries.Where(e => string.Equals(e.Op, op, StringComparison.OrdinalIgnoreCase)).Aggregate(0UL, (sum, e) => sum + e.Value);
}
