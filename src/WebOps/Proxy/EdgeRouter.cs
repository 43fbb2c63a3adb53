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
/// on the other port of its pair of slots, and its route switched by saving the new host port and flipping the slots'
/// health files (<see cref="ProxyService.SwitchAsync"/>); the previous release drains until Caddy has no request in flight to it.
/// </summary>
public sealed class EdgeRouter(
    IOptions<ProxyOptions> options,
    IOptions<DeploymentSettings> deployments,
    ProxyStatus status,
    ProxyService proxy,
    HostPortAllocator ports,
    IServiceScopeFactory scopes,
    CaddyAdminClient admin) : IEdgeRouter
{
    private readonly UpstreamActivity activity = new(admin);

    public TimeSpan DrainTimeout => deployments.Value.DrainTimeout;

    /// <summary>Watched through Caddy's count of requests in flight to the previous release's upstream (<see cref="UpstreamActivity"/>).</summary>
    public Task<DrainResult> DrainAsync(int? previousPort, CancellationToken ct) => activity.DrainAsync(previousPort, DrainTimeout, ct);

    public bool Routes(DeploymentSnapshot deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var o = options.Value;
        return o.Enabled && status.Text == ProxyStatus.Ok && DomainNames.Of(deployment.Name, deployment.Domains, o.BaseDomain).Count > 0;
    }

    /// <summary>
    /// The partner of the serving port (<see cref="SlotPorts"/>), so the edge config stays as it is and the switch is
    /// a flip of slot files; when the partner is out of the port range, stored by another deployment or bound by
    /// something else, any free port (its pair then replaces the current one in the config: one config load).
    /// </summary>
    public async Task<int> ReservePortAsync(DeploymentSnapshot deployment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var current = await db.Deployments.Where(d => d.Id == deployment.Id).Select(d => d.HostPort).FirstOrDefaultAsync(ct);
        if (current is { } serving)
        {
            var partner = SlotPorts.Partner(serving);
            var s = deployments.Value;
            var inRange = partner >= s.HostPortRangeStart && partner <= s.HostPortRangeEnd;
            var storedElsewhere = await db.Deployments.AnyAsync(d => d.Id != deployment.Id && d.HostPort == partner, ct);
            if (inRange && !storedElsewhere && HostPortAllocator.IsFree(partner))
            {
                return partner;
            }
        }

        return await ports.AllocateAsync(db, deployment.Id, ct, besideCurrent: true);
    }

    /// <summary>The port is saved first: what the database says is what the edge is then told, and what runs after a restart.</summary>
    public Task<string?> SwitchAsync(string deployment, int port, CancellationToken ct) => proxy.SwitchAsync(deployment, port, async token =>
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var old = await db.Deployments.Where(d => d.Name == deployment).Select(d => d.HostPort).FirstOrDefaultAsync(token);
        var saved = await db.Deployments.Where(d => d.Name == deployment).ExecuteUpdateAsync(u => u.SetProperty(d => d.HostPort, port), token);
        if (saved == 0)
        {
            throw new EdgeSwitchException($"Deployment '{deployment}' is gone; its route was not switched to port {port}.");
        }

        return old;
    }, ct);
}
