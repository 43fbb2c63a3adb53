using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Swarm.Cluster;
using WebOps.Api;
using WebOps.Auth;
using WebOps.Pages.Shared;

namespace WebOps.Pages.Servers;

/// <summary>
/// The servers of the Swarm cluster: with Swarm off, how to turn it on; on an engine outside a swarm, an Initialize
/// action; on a manager, the nodes with drain/activate and labels, and (for admins) the join commands.
/// </summary>
public sealed class IndexModel(ClusterActions cluster) : PageModel
{
    public bool Enabled => cluster.Cluster.Enabled;

    public string Endpoint => cluster.Cluster.Endpoint;

    public ClusterState? State { get; private set; }

    public IReadOnlyList<ClusterNode> Nodes { get; private set; } = [];

    public string? WorkerJoin { get; private set; }

    public string? ManagerJoin { get; private set; }

    /// <summary>Why the cluster could not be read (engine down, a worker engine), shown instead of the nodes.</summary>
    public string? Error { get; private set; }

    /// <summary>The node whose labels did not save, with the text as typed and the errors.</summary>
    public string? LabelsNode { get; private set; }

    public string? LabelsText { get; private set; }

    public IReadOnlyList<string> LabelsErrors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostInitAsync(string? advertiseAddress, CancellationToken ct) =>
        await ActAsync(async () =>
        {
            var state = await cluster.InitAsync(advertiseAddress, ct);
            return $"This engine now manages a swarm, reached by other servers on {state.ManagerAddress}. Add servers with the join command below.";
        });

    public async Task<IActionResult> OnPostAvailabilityAsync(string id, string availability, CancellationToken ct) =>
        await ActAsync(async () =>
        {
            var node = await cluster.UpdateNodeAsync(id, new NodeChange(availability, null), ct);
            return availability == NodeAvailability.Drain
                ? $"Draining '{node.Hostname}': its tasks move to the other servers and it takes no new ones."
                : $"'{node.Hostname}' is {node.Availability}.";
        });

    public async Task<IActionResult> OnPostLabelsAsync(string id, string? labels, CancellationToken ct)
    {
        var (parsed, errors) = NodeLabels.Parse(labels);
        if (errors.Count > 0)
        {
            LabelsNode = id;
            LabelsText = labels;
            LabelsErrors = [.. errors.Select(e => e.Message)];
            await LoadAsync(ct);
            return Page();
        }

        return await ActAsync(async () =>
        {
            var node = await cluster.UpdateNodeAsync(id, new NodeChange(null, parsed), ct);
            return $"Saved {node.Labels.Count} label{(node.Labels.Count == 1 ? "" : "s")} on '{node.Hostname}'.";
        });
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct) =>
        await ActAsync(async () =>
        {
            await cluster.RotateTokensAsync(ct);
            return "New join tokens: the old join commands no longer work; servers already joined are not affected.";
        });

    private async Task<IActionResult> ActAsync(Func<Task<string>> action)
    {
        try
        {
            TempData.Success(await action());
        }
        catch (Exception e) when (e is ClusterRefusedException or ClusterNodeNotFoundException or DockerUnavailableException or ArgumentException)
        {
            TempData.Error(e is ArgumentException ? e.Message.Split(" (Parameter")[0] : e.Message);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!Enabled)
        {
            return;
        }

        try
        {
            State = await cluster.GetStateAsync(ct);
            if (State is { IsActive: true, IsManager: true })
            {
                Nodes = await cluster.ListNodesAsync(ct);
                if (RoutePermissions.Allows(User, RouteKey.Page("/Servers/Index"), reveal: true))
                {
                    WorkerJoin = await cluster.JoinCommandAsync(JoinRole.Worker, ct);
                    ManagerJoin = await cluster.JoinCommandAsync(JoinRole.Manager, ct);
                }
            }
            else if (State.IsActive)
            {
                await cluster.Cluster.RequireManagerAsync(ct);
            }
        }
        catch (Exception e) when (e is ClusterRefusedException or DockerUnavailableException)
        {
            Error = e.Message;
        }
    }
}
