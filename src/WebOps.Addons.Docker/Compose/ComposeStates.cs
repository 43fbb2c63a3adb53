using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Compose;

namespace WebOps.Addons.Docker.Compose;

/// <summary>Each service's state, read from the engine by Compose's own project label (the same on v1 and v2).</summary>
public sealed class ComposeStates(DockerEngine engine)
{
    public const string ProjectLabel = "com.docker.compose.project";
    public const string ServiceLabel = "com.docker.compose.service";

    /// <summary>The project's containers, one state per service (the newest container when a service has several), by service name.</summary>
    public async Task<IReadOnlyList<ServiceState>> ReadAsync(string project, CancellationToken ct)
    {
        var containers = await ContainersAsync(project, ct);
        var states = new List<ServiceState>();
        foreach (var container in containers.OrderBy(c => Service(c), StringComparer.Ordinal).ThenByDescending(c => c.Created))
        {
            var service = Service(container);
            if (states.Any(s => s.Service == service))
            {
                continue;
            }

            var inspect = await engine.InspectContainerAsync(container.ID, ct);
            var state = inspect?.State;
            states.Add(new ServiceState(
                service,
                state?.Status ?? container.State,
                state is { Running: false } or { Restarting: true } ? (int)state.ExitCode : null,
                state?.Health?.Status is { Length: > 0 } health ? health : null));
        }

        return states;
    }

    public Task<IList<ContainerListResponse>> ContainersAsync(string project, CancellationToken ct) =>
        engine.ListContainersAsync(new Dictionary<string, string> { [ProjectLabel] = project }, ct);

    /// <summary>Volumes mounted by the project's containers that Compose did not name (a 64-hex id, no volume label).</summary>
    public async Task<IReadOnlyList<string>> UnnamedVolumesAsync(string project, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var container in await ContainersAsync(project, ct))
        {
            names.AddRange(container.Mounts
                .Where(m => m.Type == "volume" && m.Name is { Length: 64 } n && n.All(char.IsAsciiHexDigitLower))
                .Select(m => m.Name!));
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    public static string Service(ContainerListResponse container) =>
        container.Labels.TryGetValue(ServiceLabel, out var name) ? name : container.Names.FirstOrDefault()?.TrimStart('/') ?? container.ID;
}
