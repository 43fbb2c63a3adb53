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

    public async Task<DeploymentSnapshot?> FindAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var found = await db.Deployments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, ct);
        return found is null ? null : SnapshotFactory.From(found);
    }
}
