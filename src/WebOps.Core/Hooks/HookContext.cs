using WebOps.Core.Detection;
using WebOps.Core.Planning;

namespace WebOps.Core.Hooks;

/// <summary>What a hook receives: the event, the deployment, where its code is, what was decided, and where to write.</summary>
public sealed class HookContext
{
    public required HookEvent Event { get; init; }

    public required DeploymentSnapshot Deployment { get; init; }

    /// <summary>The checked-out repository (null for health checks).</summary>
    public string? CheckoutPath { get; init; }

    /// <summary>What detection found in the checkout (null for health checks).</summary>
    public DetectionResult? Detection { get; init; }

    /// <summary>What the deploy builds and the app's port, decided once after detection (null for health checks).</summary>
    public BuildPlan? Plan { get; init; }

    public required IDeploymentLog Log { get; init; }

    /// <summary>
    /// The images of the deployment's earlier releases, newest first (the one running before this deploy first); the
    /// Docker addon keeps those of the newest releases when it prunes. Null outside a deploy.
    /// </summary>
    public IReadOnlyList<string>? EarlierReleaseImages { get; init; }

    /// <summary>Health checks add metrics here (e.g. <c>cpu_percent</c>, <c>memory_bytes</c>).</summary>
    public Dictionary<string, object?> Metrics { get; } = [];

    /// <summary>Pre-deployment hooks may add notes shown in the deploy summary.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The same deployment, checkout and decision, for another hook point of the same deploy.</summary>
    public HookContext For(HookEvent hookEvent) => new()
    {
        Event = hookEvent,
        Deployment = Deployment,
        CheckoutPath = CheckoutPath,
        Detection = Detection,
        Plan = Plan,
        Log = Log,
        EarlierReleaseImages = EarlierReleaseImages,
    };
}
