using System.Threading.Channels;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Swarm.Services;

namespace WebOps.Addons.Docker.Swarm.Routing;

/// <summary>
/// The manager engine calls the edge's routing needs: the endpoints of the running tasks of every WebOps service
/// (three calls: services, tasks, nodes), and the service and node events that may change them.
/// </summary>
public sealed class SwarmTaskQuery(SwarmServices services)
{
    /// <summary>Per deployment, <c>host:port</c> of its running tasks (<see cref="SwarmTaskEndpoints"/>).</summary>
    /// <exception cref="DockerUnavailableException">The manager engine did not answer.</exception>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> EndpointsAsync(CancellationToken ct)
    {
        var client = await services.ClientAsync(ct);
        var running = new Dictionary<string, IDictionary<string, bool>> { ["desired-state"] = new Dictionary<string, bool> { ["running"] = true } };
        var managed = await services.ListManagedServicesAsync(ct);
        var tasks = await services.Call(() => client.Tasks.ListAsync(new TasksListParameters { Filters = running }, ct));
        var nodes = await services.ListNodesAsync(ct);
        return SwarmTaskEndpoints.Of(managed, tasks, nodes);
    }

    /// <summary>
    /// The manager's service and node events (create, update, remove), one <c>type action</c> line each, as they
    /// happen, until <paramref name="ct"/> is cancelled. Ends with an exception when the engine goes away.
    /// </summary>
    public async IAsyncEnumerable<string> EventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var client = await services.ClientAsync(ct);
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["type"] = new Dictionary<string, bool> { ["service"] = true, ["node"] = true } };
        var monitor = Task.Run(
            async () =>
            {
                try
                {
                    await services.Call(() => client.System.MonitorEventsAsync(
                        new ContainerEventsParameters { Filters = filters },
                        new SyncProgress<Message>(m => channel.Writer.TryWrite($"{m.Type} {m.Action}")),
                        ct));
                    channel.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    channel.Writer.TryComplete(e is OperationCanceledException ? null : e);
                }
            },
            CancellationToken.None);

        await foreach (var item in channel.Reader.ReadAllAsync(ct))
        {
            yield return item;
        }

        await monitor;
    }
}
