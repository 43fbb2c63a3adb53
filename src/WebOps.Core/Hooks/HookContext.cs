using WebOps.Core.Detection;

namespace WebOps.Core.Hooks;

/// <summary>What a hook receives: the deployment, where its code is, where to write, and bags for results.</summary>
public sealed class HookContext
{
    public required HookEvent Event { get; init; }

    public required DeploymentSnapshot Deployment { get; init; }

    /// <summary>The checked-out repository (null for health checks).</summary>
    public string? CheckoutPath { get; init; }

    /// <summary>What detection found in the checkout (null for health checks).</summary>
    public DetectionResult? Detection { get; init; }

    public required IDeploymentLog Log { get; init; }

    /// <summary>Health checks add metrics here (e.g. <c>cpu_percent</c>, <c>memory_bytes</c>).</summary>
    public Dictionary<string, object?> Metrics { get; } = [];

    /// <summary>Pre-deployment hooks may add notes shown in the deploy summary.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>What the runtime-managing hook (e.g. the Docker addon) reports back; persisted by the orchestrator.</summary>
    public RuntimeInfo Runtime { get; } = new();
}
