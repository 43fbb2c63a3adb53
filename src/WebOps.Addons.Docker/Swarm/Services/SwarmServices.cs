using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// The Engine API calls of swarm deployments, on the manager engine the panel talks to (<c>Docker:Endpoint</c>):
/// push, services, tasks and nodes. One method per verb, each turning a lost connection into
/// <see cref="DockerUnavailableException"/> like <see cref="DockerEngine"/> does.
/// </summary>
public sealed class SwarmServices(DockerEngine engine)
{
    /// <summary>True when the engine is a Swarm manager (it can create services); false for a worker or a single engine.</summary>
    public async Task<bool> IsManagerAsync(CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        var info = await Call(() => client.System.GetSystemInfoAsync(ct));
        return info.Swarm is { ControlAvailable: true };
    }

    /// <summary>Pushes <paramref name="reference"/> and answers the digest the registry stored it under (<c>sha256:…</c>).</summary>
    public async Task<string> PushAsync(string reference, IProgress<string> progress, CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        var (name, tag) = ImageReference.Split(reference);
        string? digest = null, error = null;
        var report = new SyncProgress<JSONMessage>(m =>
        {
            if (m.Error is { Message: { Length: > 0 } failed })
            {
                error = failed;
            }

            // The push's last status line: "deploy-7: digest: sha256:… size: 527".
            if (m.Status is { } status && status.StartsWith(tag + ": digest: ", StringComparison.Ordinal))
            {
                digest = status[(tag.Length + 10)..].Split(' ')[0];
                progress.Report(status);
            }
        });
        await Call(() => client.Images.PushImageAsync(name, new ImagePushParameters { Tag = tag }, new AuthConfig(), report, ct));
        if (error is not null)
        {
            throw new SwarmDeployException($"Pushing {reference} failed: {error}. Check that every node can reach the registry and that the engine trusts it (insecure-registries for plain HTTP).");
        }

        return digest ?? throw new SwarmDeployException($"Pushing {reference} gave no digest; the registry did not confirm the upload.");
    }

    public async Task<SwarmService?> FindServiceAsync(string name, CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        try
        {
            return await Call(() => client.Swarm.InspectServiceAsync(name, ct));
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string> CreateServiceAsync(ServiceSpec spec, CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        var created = await Call(() => client.Swarm.CreateServiceAsync(new ServiceCreateParameters { Service = spec }, ct));
        return created.ID ?? throw new SwarmDeployException($"The engine created service {spec.Name} but did not say its id.");
    }

    public async Task UpdateServiceAsync(SwarmService current, ServiceSpec spec, CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        await Call(() => client.Swarm.UpdateServiceAsync(current.ID, new ServiceUpdateParameters { Service = spec, Version = (long)(current.Version?.Index ?? 0) }, ct));
    }

    public async Task RemoveServiceAsync(string name, CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        try
        {
            await Call(() => client.Swarm.RemoveServiceAsync(name, ct));
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone: removing is idempotent.
        }
    }

    /// <summary>The tasks of a service, all states (Swarm keeps a few finished ones per slot).</summary>
    public async Task<IList<TaskResponse>> ListTasksAsync(string serviceName, CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["service"] = new Dictionary<string, bool> { [serviceName] = true } };
        return await Call(() => client.Tasks.ListAsync(new TasksListParameters { Filters = filters }, ct));
    }

    /// <summary>The service's tasks as the panel shows them (<see cref="SwarmTasks.Rows"/>), nodes named by hostname.</summary>
    public async Task<IReadOnlyList<SwarmTaskRow>> TaskRowsAsync(string serviceName, CancellationToken ct)
    {
        var tasks = await ListTasksAsync(serviceName, ct);
        var hosts = (await ListNodesAsync(ct)).ToDictionary(n => n.ID, n => n.Description?.Hostname ?? n.ID[..Math.Min(12, n.ID.Length)]);
        return SwarmTasks.Rows(tasks, hosts);
    }

    /// <summary>
    /// The task rows of a swarm deployment for the page and the API: null for a deployment that runs elsewhere, empty
    /// when its service does not exist or the engine cannot answer (the health check says why).
    /// </summary>
    public async Task<IReadOnlyList<SwarmTaskRow>?> TaskRowsOfAsync(Core.Deployments.Deployment deployment, CancellationToken ct)
    {
        if (deployment.Target != Core.Deployments.DeployTarget.Swarm)
        {
            return null;
        }

        try
        {
            return await TaskRowsAsync($"webops-{deployment.Name}", ct);
        }
        catch (Exception e) when (e is DockerUnavailableException or DockerApiException)
        {
            return [];
        }
    }

    public async Task<IEnumerable<NodeListResponse>> ListNodesAsync(CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        return await Call(() => client.Swarm.ListNodesAsync(ct));
    }

    /// <summary>The services WebOps manages (label <c>webops.managed=true</c>).</summary>
    public async Task<IEnumerable<SwarmService>> ListManagedServicesAsync(CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [Labels.Managed + "=true"] = true } };
        return await Call(() => client.Swarm.ListServicesAsync(new ServiceListParameters { Filters = filters }, ct));
    }

    internal async Task<DockerClient> ClientAsync(CancellationToken ct) => await engine.ServicesClientAsync(ct);

    internal async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, engine.Endpoint);
        }
    }

    internal async Task Call(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (EngineErrors.IsTransportFailure(e))
        {
            throw EngineErrors.Unreachable(e, engine.Endpoint);
        }
    }
}
