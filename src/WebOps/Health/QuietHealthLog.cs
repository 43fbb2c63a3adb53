using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Health;

/// <summary>
/// The deployment log as periodic health checks see it: only warnings and errors get through, because
/// "health_check started/succeeded" every 30 seconds would bury the deploy lines users come to read.
/// </summary>
public sealed class QuietHealthLog(IDeploymentLog inner) : IDeploymentLog
{
    public void Write(DeploymentLogLevel level, string source, string message)
    {
        if (level >= DeploymentLogLevel.Warning)
        {
            inner.Write(level, source, message);
        }
    }
}
