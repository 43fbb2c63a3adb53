using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>
/// The cluster as the panel's engine (<c>Docker:Endpoint</c>) sees it, through the Engine API: state, init, join
/// commands, token rotation, the node list and node changes. Every call first checks <c>Swarm:Enabled</c>, so a
/// single-server panel never asks its engine about swarms.
/// </summary>
public sealed partial class SwarmCluster(DockerEngine engine, IOptions<SwarmOptions> options, ILogger<SwarmCluster> logger) : IDisposable
{
    private readonly SemaphoreSlim connectLock = new(1, 1);
    private DockerClient? client;

    public bool Enabled => options.Value.Enabled;

    public string Endpoint => engine.Endpoint;

    /// <summary>Whether the engine is in a swarm and a manager of it; node count and manager address on a manager.</summary>
    public async Task<ClusterState> GetStateAsync(CancellationToken ct)
    {
        var docker = await ClientAsync(ct);
        var info = (await Call(() => docker.System.GetSystemInfoAsync(ct))).Swarm;
        var local = string.IsNullOrEmpty(info?.LocalNodeState) ? "inactive" : info.LocalNodeState;
        if (info is null || local != "active")
        {
            return new ClusterState(local, false, null, null, null);
        }

        var self = info.RemoteManagers?.FirstOrDefault(m => m.NodeID == info.NodeID)?.Addr;
        var address = info.ControlAvailable ? self ?? JoinCommand.WithPort(info.NodeAddr) : null;
        return new ClusterState(local, info.ControlAvailable, info.NodeID, address, info.ControlAvailable ? (int?)info.Nodes : null);
    }

    /// <summary>
    /// Makes the engine the manager of a new swarm, advertised on <paramref name="advertiseAddress"/>, else
    /// <c>Swarm:AdvertiseAddress</c>, else the address the engine picks.
    /// </summary>
    public async Task<ClusterState> InitAsync(string? advertiseAddress, CancellationToken ct)
    {
        var state = await GetStateAsync(ct);
        if (state.LocalState != "inactive")
        {
            throw new ClusterRefusedException(
                $"The engine at {Endpoint} is already in a swarm (state {state.LocalState}{(state.IsManager ? ", manager" : "")}): nothing to initialize. " +
                "List its nodes on the Servers page, or leave that swarm with `docker swarm leave` first.");
        }

        var advertise = Blank(advertiseAddress) ?? Blank(options.Value.AdvertiseAddress);
        ClusterLog.Init(logger, Endpoint, advertise ?? "chosen by the engine");
        var docker = await ClientAsync(ct);
        try
        {
            await Call(() => docker.Swarm.InitSwarmAsync(new SwarmInitParameters { ListenAddr = "0.0.0.0:2377", AdvertiseAddr = advertise ?? "" }, ct));
        }
        catch (DockerApiException e)
        {
            throw new ClusterRefusedException(
                $"The engine at {Endpoint} refused to initialize a swarm: {EngineErrors.Describe(e)}. " +
                "Set Swarm:AdvertiseAddress (or pass --advertise-addr) to the address other servers reach this one on.",
                e);
        }

        return await GetStateAsync(ct);
    }

    /// <summary>The <c>docker swarm join</c> command a new server runs to join as <paramref name="role"/>.</summary>
    public async Task<string> JoinCommandAsync(JoinRole role, CancellationToken ct)
    {
        var state = await RequireManagerAsync(ct);
        var docker = await ClientAsync(ct);
        var swarm = await Call(() => docker.Swarm.InspectSwarmAsync(ct));
        var token = role == JoinRole.Manager ? swarm.JoinTokens.Manager : swarm.JoinTokens.Worker;
        return JoinCommand.Format(token, state.ManagerAddress!);
    }

    /// <summary>New worker and manager join tokens: the old ones stop working; joined nodes are not affected.</summary>
    public async Task RotateTokensAsync(CancellationToken ct)
    {
        await RequireManagerAsync(ct);
        var version = await engine.GetVersionAsync(ct);
        ClusterLog.Rotate(logger, Endpoint);
        await Call(() => TokenRotation.RotateAsync(Endpoint, version.NegotiatedApiVersion, ct));
    }

    /// <summary>Every node, managers first, then by hostname; running tasks counted from one task list.</summary>
    public async Task<IReadOnlyList<ClusterNode>> ListNodesAsync(CancellationToken ct)
    {
        await RequireManagerAsync(ct);
        var docker = await ClientAsync(ct);
        var nodes = await Call(() => docker.Swarm.ListNodesAsync(ct));
        var tasks = await Call(() => docker.Tasks.ListAsync(
            new TasksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["desired-state"] = new Dictionary<string, bool> { ["running"] = true } } },
            ct));
        var running = tasks.Where(t => t.Status?.State == TaskState.Running)
            .Select(t => t.NodeID).OfType<string>().CountBy(id => id).ToDictionary();
        return [.. nodes.Select(n => ToNode(n, running.GetValueOrDefault(n.ID)))
            .OrderBy(n => n.Role == "manager" ? 0 : 1).ThenBy(n => n.Hostname, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Changes a node's availability and/or labels. The engine wants the node's current version with the change, so
    /// this reads the node, changes that spec and sends it; a node changed in between is read and tried once more.
    /// </summary>
    public async Task<ClusterNode> UpdateNodeAsync(string node, NodeChange change, CancellationToken ct)
    {
        if (change.Availability is { } availability && NodeAvailability.Check(availability) is { } why)
        {
            throw new ArgumentException($"availability: {why}", nameof(change));
        }

        await RequireManagerAsync(ct);
        var docker = await ClientAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var current = await FindNodeAsync(docker, node, ct);
            var hostname = current.Description?.Hostname ?? current.ID;
            var spec = new NodeUpdateParameters
            {
                Name = current.Spec?.Name,
                Role = current.Spec?.Role,
                Availability = change.Availability ?? current.Spec?.Availability,
                Labels = change.Labels is null ? current.Spec?.Labels ?? new Dictionary<string, string>() : new Dictionary<string, string>(change.Labels),
            };
            try
            {
                await Call(() => docker.Swarm.UpdateNodeAsync(current.ID, current.Version?.Index ?? 0, spec, ct));
                ClusterLog.NodeUpdated(logger, hostname, change.Describe());
                return (await ListNodesAsync(ct)).First(n => n.Id == current.ID);
            }
            catch (DockerApiException e) when (attempt == 1 && IsVersionConflict(e))
            {
                ClusterLog.NodeRetry(logger, hostname);
            }
        }
    }

    public void Dispose()
    {
        client?.Dispose();
        connectLock.Dispose();
    }

    /// <summary>The engine's answer when the version sent is not the node's current one.</summary>
    internal static bool IsVersionConflict(DockerApiException e) =>
        e.StatusCode == HttpStatusCode.Conflict
        || (e.ResponseBody ?? "").Contains("update out of sequence", StringComparison.OrdinalIgnoreCase);

    private async Task<NodeListResponse> FindNodeAsync(DockerClient docker, string node, CancellationToken ct)
    {
        var nodes = await Call(() => docker.Swarm.ListNodesAsync(ct));
        return nodes.FirstOrDefault(n => n.ID == node)
            ?? nodes.SingleOrDefault(n => n.Description?.Hostname == node)
            ?? throw new ClusterNodeNotFoundException(node);
    }

    private static ClusterNode ToNode(NodeListResponse n, int running) => new(
        n.ID,
        n.Description?.Hostname ?? "",
        n.Spec?.Role ?? "",
        n.ManagerStatus?.Leader == true,
        n.Status?.State ?? "unknown",
        n.Spec?.Availability ?? "",
        n.Status?.Addr ?? "",
        n.Spec?.Labels is { } labels ? new SortedDictionary<string, string>(labels, StringComparer.Ordinal) : new SortedDictionary<string, string>(),
        n.Description?.Engine?.EngineVersion ?? "",
        running);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
