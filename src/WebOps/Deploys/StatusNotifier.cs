using WebOps.Core.Deployments;
using WebOps.Proxy;

namespace WebOps.Deploys;

/// <summary>Tells watching browsers that a deployment's status or health changed.</summary>
public sealed class StatusNotifier(LiveEvents live, ProxyChanges proxy)
{
    public void Changed(Deployment d)
    {
        // Whatever changed a deployment may change the routes the edge proxy needs.
        proxy.Notify();
        live.Publish(new LiveEvent(d.Name, "status", new
        {
            name = d.Name,
            status = d.Status.ToString().ToLowerInvariant(),
            health = d.Health.ToString().ToLowerInvariant(),
            url = d.Url,
            commit_sha = d.CommitSha,
            updated_at = d.UpdatedAt,
        }));
    }
}
