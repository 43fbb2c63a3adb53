using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// How a <see cref="ContainerSwap"/> tells that a new container is ready: an app's published port answers
/// (<see cref="ReadinessProbe"/>), a vLLM server lists its model (<see cref="Llm.VllmReadiness"/>).
/// </summary>
internal interface IReadinessCheck
{
    /// <summary>
    /// Waits until the started container is ready. Returns it as started, or why it is not (its exit code, or that it
    /// never answered), with its last log lines.
    /// </summary>
    Task<(StartedContainer? Started, string? Failure)> WaitReadyAsync(HookContext context, string containerId, CancellationToken cancellationToken);
}
