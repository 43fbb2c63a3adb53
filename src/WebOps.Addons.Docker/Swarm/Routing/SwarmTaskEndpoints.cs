using System.Globalization;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Swarm.Routing;

/// <summary>
/// Where the edge reaches the running tasks of each WebOps service, as a pure function of what the manager lists:
/// per deployment (label <c>webops.deployment</c>), <c>host:port</c> of every task Swarm wants running and that runs,
/// on a node that is ready, with the port the engine published it on (host mode, one per task), sorted.
/// </summary>
public static class SwarmTaskEndpoints
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Of(
        IEnumerable<SwarmService> services, IEnumerable<TaskResponse> tasks, IEnumerable<NodeListResponse> nodes)
    {
        var addresses = nodes
            .Where(n => n.ID is not null && string.Equals(n.Status?.State, "ready", StringComparison.OrdinalIgnoreCase) && Address(n) is not null)
            .ToDictionary(n => n.ID!, n => Address(n)!, StringComparer.Ordinal);
        var deployments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var service in services)
        {
            if (service.ID is { } id && service.Spec?.Labels is { } labels && labels.TryGetValue(Labels.Deployment, out var name) && name.Length > 0)
            {
                deployments[id] = name;
            }
        }

        var endpoints = deployments.Values.Distinct(StringComparer.Ordinal).ToDictionary(d => d, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (task.DesiredState != TaskState.Running || task.Status is not { State: TaskState.Running } status
                || task.ServiceID is not { } serviceId || !deployments.TryGetValue(serviceId, out var deployment)
                || task.NodeID is not { } nodeId || !addresses.TryGetValue(nodeId, out var address))
            {
                continue;
            }

            // The engine lists the binding once per address family, and their ports can differ (each family has its
            // own allocator): the first is used, as `docker service ps` shows it; routing to both would weigh the task double.
            if ((status.PortStatus?.Ports ?? []).Select(p => p.PublishedPort ?? 0).FirstOrDefault(p => p > 0) is var port and > 0)
            {
                endpoints[deployment].Add(Dial(address, port));
            }
        }

        return endpoints.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value], StringComparer.Ordinal);
    }

    /// <summary>
    /// The node's address as the cluster sees it. A manager may report <c>0.0.0.0</c> (it listens on every address);
    /// its manager address (<c>10.0.0.2:2377</c>) then names the one it advertises.
    /// </summary>
    private static string? Address(NodeListResponse node)
    {
        var addr = node.Status?.Addr;
        if (!string.IsNullOrWhiteSpace(addr) && addr != "0.0.0.0")
        {
            return addr;
        }

        var manager = node.ManagerStatus?.Addr;
        if (string.IsNullOrWhiteSpace(manager))
        {
            return null;
        }

        var colon = manager.LastIndexOf(':');
        var host = (colon > 0 ? manager[..colon] : manager).Trim('[', ']');
        return host is "" or "0.0.0.0" ? null : host;
    }

    private static string Dial(string address, uint port) => address.Contains(':', StringComparison.Ordinal)
        ? string.Create(CultureInfo.InvariantCulture, $"[{address}]:{port}")
        : string.Create(CultureInfo.InvariantCulture, $"{address}:{port}");
}
