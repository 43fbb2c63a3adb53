using Docker.DotNet.Models;
using WebOps.Addons.Docker.Spec;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>What a <see cref="ContainerSwap"/> puts in place of a deployment's container, and how it judges it.</summary>
internal sealed record SwapPlan
{
    /// <summary>The container name the new container takes over (the old one waits as <c>NAME.previous</c>).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The spec's Engine API projection. Its restart policy is the one applied once the container is ready; the swap
    /// itself creates the container without one.
    /// </summary>
    public required CreateContainerParameters Create { get; init; }

    /// <summary>False when systemd supervises the container: it then keeps no restart policy at all.</summary>
    public bool EngineRestarts { get; init; } = true;

    public required IReadinessCheck Readiness { get; init; }

    /// <summary>
    /// The app's published port, which a rollback waits for the previous container to answer on again; null: a
    /// rollback waits for the start only.
    /// </summary>
    public PortPublish? AppPort { get; init; }

    /// <summary>The failure message when the engine refuses to start the container (given the engine's message).</summary>
    public required Func<string, string> StartRefused { get; init; }

    /// <summary>
    /// <see cref="ContainerSwap.LookUpAsync"/> of <see cref="Name"/>, started before the swap (while the image built) so
    /// the swap does not wait for it; null: the swap looks the container up itself.
    /// </summary>
    public Task<ContainerInspectResponse?>? Current { get; init; }
}
