using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Hooks;
using WebOps.Core.Proxy;
using WebOps.Data;
using WebOps.Deploys;
using WebOps.Hosting;

namespace WebOps.Proxy;

/// <summary>
/// The edge for runtime hooks: a deployment routed by a Caddy that answers gets its new release beside the old one,
/// and its route switched by saving the new host port and pushing the config (<see cref="ProxyService.SwitchAsync"/>).
/// </summary>
public sealed class EdgeRouter(
    IOptions<ProxyOptions> options,
    IOptions<DeploymentSettings> deployments,
    ProxyStatus status,
    ProxyService proxy,
    HostPortAllocator ports,
    IServiceScopeFactory scopes) : IEdgeRouter
{
    public TimeSpan DrainTimeout => deployments.Value.DrainTimeout;

    public bool Routes(DeploymentSnapshot deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var o = options.Value;
        return o.Enabled && status.Text == ProxyStatus.Ok && DomainNames.Of(deployment.Name, deployment.Domains, o.BaseDomain).Count > 0;
    }

    public async Task<int> ReservePortAsync(DeploymentSnapshot deployment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        return await ports.AllocateAsync(db, deployment.Id, ct, besideCurrent: true);
    }

    /// <summary>The port is saved first: what the database says is what the edge is then told, and what runs after a restart.</summary>
    public async Task SwitchAsync(string deployment, int port, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var saved = await db.Deployments.Where(d => d.Name == deployment).ExecuteUpdateAsync(u => u.SetProperty(d => d.HostPort, port), ct);
            if (saved == 0)
            {
                throw new EdgeSwitchException($"Deployment '{deployment}' is gone; its route was not switched to port {port}.");
            }
        }

        await proxy.SwitchAsync(deployment, port, ct);
    }
}
