using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Hooks;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Llm;

/// <summary>
/// Replaces an LLM deployment's container with a new vLLM one, through the same <see cref="ContainerSwap"/> as other
/// apps: the old container is stopped (which also frees the GPU memory the new server needs: two copies of a model
/// rarely fit at once) and set aside until vLLM lists the model, and put back if it does not.
/// </summary>
public sealed class VllmContainer(DockerEngine engine)
{
    private readonly ContainerSwap swap = new(engine);

    public Task<(StartedContainer? Started, string? Failure)> RunAsync(
        HookContext context, VllmSpec spec, string servedName, TimeSpan startPeriod, CancellationToken cancellationToken) =>
        swap.RunAsync(
            context,
            new SwapPlan
            {
                Name = spec.Name,
                Create = spec.ToCreateParameters(),
                Readiness = new VllmReadiness(engine, spec, servedName, startPeriod),
                StartRefused = engineMessage => $"Container {spec.Name} could not be started: {engineMessage}",
            },
            cancellationToken);
}
