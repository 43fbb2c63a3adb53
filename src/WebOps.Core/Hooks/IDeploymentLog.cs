using WebOps.Core.Deployments;

namespace WebOps.Core.Hooks;

/// <summary>Appends lines to a deployment's log; lines are persisted and streamed to the UI as they arrive.</summary>
public interface IDeploymentLog
{
    void Write(DeploymentLogLevel level, string source, string message);
}
