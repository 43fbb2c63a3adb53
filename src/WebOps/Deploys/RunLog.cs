using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Deploys;

/// <summary>The deployment log as hooks and the orchestrator see it: lines of one deployment (and run).</summary>
public sealed class RunLog(DeploymentLogSink sink, string deployment, int deploymentId, int? runId) : IDeploymentLog
{
    public void Write(DeploymentLogLevel level, string source, string message) =>
        sink.Append(deployment, deploymentId, runId, level, source, message);

    public void Info(string source, string message) => Write(DeploymentLogLevel.Info, source, message);

    public void Error(string source, string message) => Write(DeploymentLogLevel.Error, source, message);
}
