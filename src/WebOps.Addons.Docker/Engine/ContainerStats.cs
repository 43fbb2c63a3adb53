using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Engine;

/// <summary>One sample of a container's resource use. CpuPercent is of one CPU (200 = two full cores).</summary>
public sealed record ContainerStats(double CpuPercent, ulong MemoryBytes, ulong? MemoryLimitBytes)
{
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
        return new ContainerStats(Math.Round(cpu, 2), usage > cache ? usage - cache : usage, memory?.Limit);
    }
}
