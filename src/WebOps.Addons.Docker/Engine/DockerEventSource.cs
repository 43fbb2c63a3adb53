using System.Globalization;
using System.Runtime.CompilerServices;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// The Docker engine's container events, as the panel's health monitor follows them. Each event also tells
/// <see cref="ContainerStates"/> that what it kept may be out of date.
/// </summary>
public sealed class DockerEventSource(DockerEngine engine, ContainerStates states) : IRuntimeEventSource
{
    /// <summary>The name in addons/docker/addon.yaml: disabling that addon stops the panel following these events.</summary>
    public string Addon => "docker";

    public string Endpoint => engine.Endpoint;

    public Task PingAsync(CancellationToken ct) => engine.PingAsync(ct);

    public async IAsyncEnumerable<RuntimeEvent> WatchAsync([EnumeratorCancellation] CancellationToken ct)
    {
        states.Following(true);
        try
        {
            await foreach (var e in engine.WatchEventsAsync(ct))
            {
                states.Changed(e.Action);
                yield return new RuntimeEvent(e.Action, e.ContainerId, e.ContainerName, e.Deployment, e.Time, e.Attributes);
            }
        }
        finally
        {
            states.Following(false);
        }
    }

    public async Task<InstanceRun?> RunningAsync(string instanceId, CancellationToken ct) =>
        await engine.InspectContainerAsync(instanceId, ct) is { State: { Running: true } state }
            ? new InstanceRun(Time(state.StartedAt) ?? DateTimeOffset.MinValue, Time(state.FinishedAt))
            : null;

    /// <summary>The engine's RFC 3339 times; it says "0001-01-01T00:00:00Z" for a moment that never came.</summary>
    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1
            ? at
            : null;
}
