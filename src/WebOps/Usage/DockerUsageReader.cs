using System.Collections.Concurrent;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Usage;

/// <summary>
/// Reads a container's use: one non-streamed stats read each time, and an inspect at most once a minute for what
/// changes rarely (the memory limit from HostConfig.Memory, the restart count, whether the kernel killed it for memory).
/// </summary>
public sealed class DockerUsageReader(DockerEngine engine, TimeProvider clock)
{
    private static readonly TimeSpan InspectEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Inspected> inspected = new();

    public async Task<(UsageReading Reading, long Restarts, bool OomKilled)?> ReadAsync(string container, CancellationToken ct)
    {
        var facts = await InspectedAsync(container, ct);
        if (facts is null)
        {
            return null;
        }

        var stats = await engine.GetStatsAsync(facts.Id, ct);
        var reading = new UsageReading(
            clock.GetUtcNow(),
            facts.Id,
            stats.CpuPercent,
            (long)stats.MemoryBytes,
            facts.MemoryLimit,
            stats.NetworkRxBytes,
            stats.NetworkTxBytes,
            stats.BlockReadBytes,
            stats.BlockWriteBytes);
        return (reading, facts.Restarts, facts.OomKilled);
    }

    /// <summary>Drops what was inspected of containers no longer read (replaced by a redeploy, or removed).</summary>
    public void KeepOnly(IReadOnlySet<string> containers)
    {
        foreach (var key in inspected.Keys.Where(k => !containers.Contains(k)))
        {
            inspected.TryRemove(key, out _);
        }
    }

    private async Task<Inspected?> InspectedAsync(string container, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (inspected.TryGetValue(container, out var known) && now - known.At < InspectEvery)
        {
            return known;
        }

        if (await engine.InspectContainerAsync(container, ct) is not { State.Running: true } inspect)
        {
            inspected.TryRemove(container, out _);
            return null;
        }

        var facts = new Inspected(
            now,
            inspect.ID,
            inspect.HostConfig?.Memory is > 0 and var limit ? limit : null,
            inspect.RestartCount,
            inspect.State.OOMKilled);
        inspected[container] = facts;
        return facts;
    }

    private sealed record Inspected(DateTimeOffset At, string Id, long? MemoryLimit, long Restarts, bool OomKilled);
}
