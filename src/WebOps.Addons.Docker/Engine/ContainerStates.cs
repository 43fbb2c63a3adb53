using System.Collections.Concurrent;
using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Engine;

/// <summary>
/// What the engine says about the panel's containers, read so that a health sweep costs the engine one call instead
/// of several per app: one container list (filtered on the managed label) serves every check for up to
/// <see cref="ListMaxAge"/>, and a running container's inspect answer is kept until an engine event of that container
/// arrives. Anything kept is dropped by any event of a managed container and whenever the event stream is not
/// followed, since a missed event is a missed change.
/// </summary>
public sealed class ContainerStates(DockerEngine engine, TimeProvider clock)
{
    /// <summary>How long one list answers for: a sweep's checks all fall within it; events drop it sooner.</summary>
    public static readonly TimeSpan ListMaxAge = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan ListTimeout = TimeSpan.FromSeconds(20);

    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, ContainerInspectResponse> inspected = new(StringComparer.Ordinal);
    private Listing? listing;
    private long generation;
    private bool following;

    /// <summary>The container named <paramref name="name"/> in the latest list; null when the list does not have it.</summary>
    public async Task<ContainerListResponse?> FindAsync(string name, CancellationToken ct)
    {
        var byName = await Current().ByName.WaitAsync(ct);
        return byName.GetValueOrDefault(name);
    }

    /// <summary>The container's inspect answer, kept from an earlier call while no event of any managed container came.</summary>
    public async Task<ContainerInspectResponse?> InspectAsync(string id, CancellationToken ct)
    {
        long seen;
        lock (gate)
        {
            if (following && inspected.TryGetValue(id, out var kept))
            {
                return kept;
            }

            seen = generation;
        }

        var fresh = await engine.InspectContainerAsync(id, ct);
        lock (gate)
        {
            if (fresh is { State.Running: true } && following && generation == seen)
            {
                inspected[id] = fresh;
            }
        }

        return fresh;
    }

    /// <summary>An engine event of a managed container: what was kept may be out of date.</summary>
    public void Changed(string action)
    {
        if (!ChangesState(action))
        {
            return;
        }

        Forget(following);
    }

    /// <summary>The event stream was opened (true) or lost (false): either way what was kept is forgotten.</summary>
    public void Following(bool now) => Forget(now);

    /// <summary>
    /// Whether an event can change what a health check reads. The exec events of Docker's own HEALTHCHECK runs (every
    /// few seconds per app) cannot; their outcome arrives as <c>health_status</c>.
    /// </summary>
    public static bool ChangesState(string action) => !action.StartsWith("exec_", StringComparison.Ordinal);

    private void Forget(bool nowFollowing)
    {
        lock (gate)
        {
            generation++;
            following = nowFollowing;
            listing = null;
            inspected.Clear();
        }
    }

    private Listing Current()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (listing is { } kept && now - kept.Taken < ListMaxAge && !kept.ByName.IsFaulted && !kept.ByName.IsCanceled)
            {
                return kept;
            }

            listing = new Listing(now, Task.Run(LoadAsync));
            return listing;
        }
    }

    private async Task<IReadOnlyDictionary<string, ContainerListResponse>> LoadAsync()
    {
        // Not the caller's token: every check of the sweep shares this call, and one caller giving up must not fail the rest.
        using var limit = new CancellationTokenSource(ListTimeout);
        var all = await engine.ListContainersAsync(Labels.AllManaged, limit.Token);
        var byName = new Dictionary<string, ContainerListResponse>(StringComparer.Ordinal);
        foreach (var container in all)
        {
            foreach (var name in container.Names ?? [])
            {
                byName[name.TrimStart('/')] = container;
            }
        }

        return byName;
    }

    private sealed record Listing(DateTimeOffset Taken, Task<IReadOnlyDictionary<string, ContainerListResponse>> ByName);
}
