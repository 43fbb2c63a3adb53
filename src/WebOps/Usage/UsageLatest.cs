using System.Collections.Concurrent;

namespace WebOps.Usage;

/// <summary>What the sampler saw last of each running deployment, for /metrics and the pages, without a query.</summary>
public sealed class UsageLatest
{
    private readonly ConcurrentDictionary<int, AppUsage> byDeployment = new();

    public AppUsage? Get(int deploymentId) => byDeployment.GetValueOrDefault(deploymentId);

    public void Set(int deploymentId, AppUsage usage) => byDeployment[deploymentId] = usage;

    /// <summary>Forgets deployments that no longer run, so a stopped app shows no stale figures.</summary>
    public void KeepOnly(IReadOnlySet<int> running)
    {
        foreach (var id in byDeployment.Keys.Where(id => !running.Contains(id)))
        {
            byDeployment.TryRemove(id, out _);
        }
    }
}
