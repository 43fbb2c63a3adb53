using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Planning;
using WebOps.Core.Releases;

namespace WebOps.Core.Hooks;

/// <summary>The context a deploy's hooks share: the deployment as the plan leaves it, the checkout, detection and the plan.</summary>
public static class DeployContexts
{
    /// <summary>
    /// Decides the build plan (<see cref="BuildPlanner"/>) and gives hooks a snapshot whose port is the plan's. The
    /// context's event is pre_deployment; <see cref="DeployHooks"/> derives the post_deployment one.
    /// </summary>
    public static HookContext Create(
        Deployment deployment, DetectionResult detection, string checkoutPath, int runId, IDeploymentLog log,
        IReadOnlyList<string>? earlierReleaseImages = null)
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
            EarlierReleaseImages = earlierReleaseImages,
        };
    }

    /// <summary>
    /// A rollback's context: no checkout and no detection; the plan starts the release's image as it is, and hooks see
    /// the deployment with the release's configuration (what it will store once the rollback succeeds).
    /// </summary>
    public static HookContext ForRelease(
        Deployment deployment, DeployRun release, int runId, IDeploymentLog log, IReadOnlyList<string>? earlierReleaseImages = null)
    {
        var config = release.Config
            ?? throw new ArgumentException($"Release #{release.Id} of '{deployment.Name}' has no configuration snapshot to roll back to.", nameof(release));
        var plan = new BuildPlan
        {
            Source = ImageSource.ExistingImage,
            Image = release.Image ?? throw new ArgumentException($"Release #{release.Id} of '{deployment.Name}' has no image.", nameof(release)),
            Release = release.Id,
            Port = config.AppPort,
        };
        return new HookContext
        {
            Event = HookEvent.PreDeployment,
            Deployment = config.ApplyTo(SnapshotFactory.From(deployment, config.ProjectType, runId, config.AppPort)) with { CommitSha = release.CommitSha },
            Plan = plan,
            Log = log,
            EarlierReleaseImages = earlierReleaseImages,
        };
    }
}
