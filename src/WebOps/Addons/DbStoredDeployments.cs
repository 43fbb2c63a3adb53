using Microsoft.EntityFrameworkCore;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;
using WebOps.Data;
using WebOps.Deploys;

namespace WebOps.Addons;

/// <summary>Reads saved deployments for addons, each in a scope of its own, as snapshots they cannot change.</summary>
public sealed class DbStoredDeployments(IServiceScopeFactory scopes) : IStoredDeployments
{
    public async Task<IReadOnlyList<DeploymentSnapshot>> ListRunningAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var running = await db.Deployments.AsNoTracking().Where(d => d.Status == DeploymentStatus.Running).ToListAsync(ct);
        return [.. running.Select(d => SnapshotFactory.From(d))];
    }
}
