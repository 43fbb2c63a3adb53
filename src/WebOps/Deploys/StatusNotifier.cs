using WebOps.Core.Deployments;

namespace WebOps.Deploys;

/// <summary>Tells watching browsers that a deployment's status or health changed.</summary>
public sealed class StatusNotifier(LiveEvents live)
{
    public void Changed(Deployment d) =>
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
