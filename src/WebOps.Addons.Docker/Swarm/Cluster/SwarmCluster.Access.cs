using Docker.DotNet;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>The checks every operation starts with, and the engine client (pinned to the version the panel negotiated).</summary>
public sealed partial class SwarmCluster
{
    /// <summary>The state, when Swarm is on and the engine manages an active swarm; otherwise what to do about it.</summary>
    public async Task<ClusterState> RequireManagerAsync(CancellationToken ct)
    {
        var state = await GetStateAsync(ct);
        if (!state.IsActive)
        {
            throw new ClusterRefusedException(
                $"The engine at {Endpoint} is not in a swarm (state {state.LocalState}): run `webops cluster init` " +
                "(or use Initialize cluster on the Servers page), or turn Swarm:Enabled off.");
        }

        if (!state.IsManager)
        {
            throw new ClusterRefusedException(
                $"The engine at {Endpoint} is a swarm worker, not a manager: point Docker:Endpoint at a manager, " +
                "or promote this node with `docker node promote` on a manager.");
        }

        return state;
    }

    private async Task<DockerClient> ClientAsync(CancellationToken ct)
    {
        if (!Enabled)
        {
            throw new ClusterRefusedException(
                "Swarm is off: set Swarm:Enabled=true in the panel's settings (e.g. Swarm__Enabled=true) and restart the panel to manage several servers.");
        }

        if (client is not null)
        {
            return client;
        }

        await connectLock.WaitAsync(ct);
        try
        {
            if (client is null)
            {
                var version = await engine.GetVersionAsync(ct);
                client = new DockerClientBuilder().WithEndpoint(new Uri(engine.Endpoint)).WithApiVersion(version.NegotiatedApiVersion).Build();
            }

            return client;
        }
        finally
        {
            connectLock.Release();
        }
    }

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, Endpoint);
        }
    }

    private async Task Call(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, Endpoint);
        }
    }
}
