using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Deploys;

/// <summary>
/// The deployment log as hooks and the orchestrator see it: lines of one deployment (and run), and the time each step
/// of the run took (<see cref="Steps"/>), written as the log's last line.
/// </summary>
public sealed class RunLog(DeploymentLogSink sink, string deployment, int deploymentId, int? runId) : IDeploymentLog, IDeployStepRecorder
{
    private StepTimes? steps;

    /// <summary>Made on first use: most logs (health checks, notices) never time a step.</summary>
    public StepTimes Steps => steps ??= new();

    public void Write(DeploymentLogLevel level, string source, string message) =>
        sink.Append(deployment, deploymentId, runId, level, source, message);

    public void Info(string source, string message) => Write(DeploymentLogLevel.Info, source, message);

    public void Error(string source, string message) => Write(DeploymentLogLevel.Error, source, message);

    public void Record(string step, TimeSpan elapsed) => Steps.Record(step, elapsed);
}
