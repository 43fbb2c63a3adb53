using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Docker.DotNet.Models;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Engine;

public sealed partial class DockerEngine
{
    /// <summary>The last <paramref name="tail"/> lines of a container's output, stdout and stderr kept apart, in order.</summary>
    public async Task<IReadOnlyList<RuntimeLogLine>> GetLogsAsync(string container, int tail, CancellationToken cancellationToken)
    {
        EngineLog.Logs(logger, container, tail);
        var connected = await ClientAsync(cancellationToken);
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Timestamps = true,
            Tail = tail.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using var stream = await Call(() => connected.Containers.GetContainerLogsAsync(container, parameters, cancellationToken));
        return await Call(() => LogDemultiplexer.ReadAllAsync(stream, cancellationToken));
    }

    /// <summary>
    /// One resource sample. The engine is asked for a single non-streamed sample (not one-shot), so it includes the
    /// previous CPU reading and CPU% means something; that takes the engine about a second.
    /// </summary>
    public async Task<ContainerStats> GetStatsAsync(string container, CancellationToken cancellationToken)
    {
        EngineLog.Stats(logger, container);
        var connected = await ClientAsync(cancellationToken);
        ContainerStatsResponse? sample = null;
        await Call(() => connected.Containers.GetContainerStatsAsync(
            container,
            new ContainerStatsParameters { Stream = false },
            new SyncProgress<ContainerStatsResponse>(s => sample ??= s),
            cancellationToken));
        return sample is null ? new ContainerStats(0, 0, null) : ContainerStats.From(sample);
    }

    /// <summary>
    /// Container events (die, oom, start, stop, health_status, ...) of WebOps-managed containers, as they happen,
    /// until <paramref name="cancellationToken"/> is cancelled. Ends with an exception when the engine goes away.
    /// </summary>
    public async IAsyncEnumerable<ContainerEvent> WatchEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var labels = Labels.AllManaged;
        EngineLog.WatchEvents(logger, LabelFilter.Describe(labels));
        var connected = await ClientAsync(cancellationToken);
        var channel = Channel.CreateUnbounded<ContainerEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var parameters = new ContainerEventsParameters { Filters = LabelFilter.For(labels, type: "container") };
        var monitor = Task.Run(
            async () =>
            {
                try
                {
                    await Call(() => connected.System.MonitorEventsAsync(
                        parameters, new SyncProgress<Message>(m => channel.Writer.TryWrite(ToEvent(m))), cancellationToken));
                    channel.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    channel.Writer.TryComplete(e is OperationCanceledException ? null : e);
                }
            },
            CancellationToken.None);

        await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return item;
        }

        await monitor;
    }

    private static ContainerEvent ToEvent(Message message)
    {
        var attributes = message.Actor?.Attributes is { } given
            ? new Dictionary<string, string>(given)
            : [];
        var time = message.TimeNano is { } nanos
            ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100)
            : DateTimeOffset.FromUnixTimeSeconds(message.Time ?? 0);
        return new ContainerEvent(
            message.Action ?? "",
            message.Actor?.ID ?? "",
            attributes.GetValueOrDefault("name"),
            attributes.GetValueOrDefault(Labels.Deployment),
            time,
            attributes);
    }
}
