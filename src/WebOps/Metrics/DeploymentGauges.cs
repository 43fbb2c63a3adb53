using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Data;
using WebOps.Usage;

namespace WebOps.Metrics;

/// <summary>
/// Sets the per-deployment gauges just before each scrape: status and health from the database, CPU, memory,
/// restarts and OOM kills from what the usage sampler saw last. Series of deleted or stopped apps go.
/// </summary>
public sealed class DeploymentGauges(IServiceScopeFactory scopes, UsageLatest latest, PanelMetrics m)
{
    private static readonly DeploymentStatus[] Statuses = Enum.GetValues<DeploymentStatus>();
    private static readonly HealthState[] Healths = Enum.GetValues<HealthState>();

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var all = await db.Deployments.AsNoTracking().Select(d => new { d.Id, d.Name, d.Status, d.Health }).ToListAsync(ct);
        var sampled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in all)
        {
            foreach (var s in Statuses)
            {
                m.Status.WithLabels(d.Name, Name(s)).Set(s == d.Status ? 1 : 0);
            }

            foreach (var h in Healths)
            {
                m.Health.WithLabels(d.Name, Name(h)).Set(h == d.Health ? 1 : 0);
            }

            if (latest.Get(d.Id) is not { } usage)
            {
                continue;
            }

            sampled.Add(d.Name);
            if (usage.Latest is { } p)
            {
                m.Cpu.WithLabels(d.Name).Set(p.CpuPercent);
                m.Memory.WithLabels(d.Name).Set(p.MemoryBytes);
                if (p.MemoryLimitBytes is { } limit)
                {
                    m.MemoryLimit.WithLabels(d.Name).Set(limit);
                }
            }

            // A process has no engine to count restarts or OOM kills: 0, like a container that had none.
            m.Restarts.WithLabels(d.Name).Set(usage.Restarts ?? 0);
            m.OomKilled.WithLabels(d.Name).Set(usage.OomKilled == true ? 1 : 0);
        }

        var names = all.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        PanelMetrics.KeepOnly(m.Status, names);
        PanelMetrics.KeepOnly(m.Health, names);
        foreach (var gauge in new[] { m.Cpu, m.Memory, m.MemoryLimit, m.Restarts, m.OomKilled })
        {
            PanelMetrics.KeepOnly(gauge, sampled);
        }
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
