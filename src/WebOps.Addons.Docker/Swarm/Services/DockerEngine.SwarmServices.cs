using Docker.DotNet;

namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// The engine's client for the Swarm service calls (<see cref="Swarm.Services.SwarmServices"/>), which wrap each call
/// themselves; kept to one accessor so the adapter's own verbs stay the only other way in.
/// </summary>
public sealed partial class DockerEngine
{
    internal async Task<DockerClient> ServicesClientAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ClientAsync(cancellationToken);
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, Endpoint);
        }
    }
}
