using System.Threading.Channels;
using Docker.DotNet.Models;
using WebOps.Addons.Docker.Engine;

namespace WebOps.Addons.Docker.Swarm.Routing;

/// <summary>
/// The manager engine calls the edge's routing needs: the endpoints of the running tasks of every WebOps service
/// (three calls: services, tasks, nodes), and the service and node events that may change them.
/// </summary>
public sealed class SwarmTaskQuery(DockerEngine engine)
{
    /// <summary>Per deployment, <c>host:port</c> of its running tasks (<see cref="SwarmTaskEndpoints"/>).</summary>
    /// <exception cref="DockerUnavailableException">The manager engine did not answer.</exception>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> EndpointsAsync(CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        var managed = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [Labels.Managed + "=true"] = true } };
        var running = new Dictionary<string, IDictionary<string, bool>> { ["desired-state"] = new Dictionary<string, bool> { ["running"] = true } };
        var services = await Call(() => client.Swarm.ListServicesAsync(new ServiceListParameters { Filters = managed }, ct));
        var tasks = await Call(() => client.Tasks.ListAsync(new TasksListParameters { Filters = running }, ct));
        var nodes = await Call(() => client.Swarm.ListNodesAsync(ct));
        return SwarmTaskEndpoints.Of(services, tasks, nodes);
    }

    /// <summary>
    /// The manager's service and node events (create, update, remove), one <c>type action</c> line each, as they
    /// happen, until <paramref name="ct"/> is cancelled. Ends with an exception when the engine goes away.
    /// </summary>
    public async IAsyncEnumerable<string> EventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var client = await engine.ServicesClientAsync(ct);
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["type"] = new Dictionary<string, bool> { ["service"] = true, ["node"] = true } };
        var monitor = Task.Run(
            async () =>
            {
                try
                {
                    await Call(() => client.System.MonitorEventsAsync(
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

    private async Task<T> Call<T>(Func<Task<T>> call)
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

    private async Task Call(Func<Task> call)
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
