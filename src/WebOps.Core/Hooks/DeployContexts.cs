using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Planning;

namespace WebOps.Core.Hooks;

/// <summary>The context a deploy's hooks share: the deployment as the plan leaves it, the checkout, detection and the plan.</summary>
public static class DeployContexts
{
    /// <summary>
    /// Decides the build plan (<see cref="BuildPlanner"/>) and gives hooks a snapshot whose port is the plan's. The
    /// context's event is pre_deployment; <see cref="DeployHooks"/> derives the post_deployment one.
    /// </summary>
    public static HookContext Create(Deployment deployment, DetectionResult detection, string checkoutPath, int runId, IDeploymentLog log)
    {
        var plan = BuildPlanner.Decide(deployment, detection, checkoutPath);
        return new HookContext
        {
            Event = HookEvent.PreDeployment,
            Deployment = SnapshotFactory.From(deployment, detection.Type, runId, plan.Port),
            CheckoutPath = checkoutPath,
            Detection = detection,
            Plan = plan,
            Log = log,
        };
    }
}
