using System.Threading.Channels;
using Microsoft.Extensions.Options;
using WebOps.Addons.Docker.Swarm;
using WebOps.Addons.Docker.Swarm.Routing;
using WebOps.Core.Proxy;
using WebOps.Proxy;

namespace WebOps.Swarm.Routing;

/// <summary>
/// Keeps the edge's routes of swarm deployments equal to their running tasks, while Swarm and the edge are on: lists
/// the tasks of WebOps services at start, whenever the manager reports a service or node event, and every
/// <see cref="Interval"/> (a task that fails, starts or moves raises no event), and pushes a new config to Caddy only
/// when the listed tasks changed, with one log line per deployment that changed.
/// </summary>
public sealed class SwarmRouteWatcher(
    SwarmTaskQuery query,
    SwarmRoutes routes,
    ProxyService proxy,
    IOptions<SwarmOptions> swarm,
    IOptions<ProxyOptions> edge,
    ILogger<SwarmRouteWatcher> logger) : BackgroundService, ISwarmRouteRefresh
{
    /// <summary>How often the tasks are listed without an event; a task gone meanwhile costs requests a retry, not an error.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>One listing's limit: the manager answers in milliseconds when it answers at all.</summary>
    private static readonly TimeSpan ListLimit = TimeSpan.FromSeconds(10);

    /// <summary>How long a deploy waits for Caddy to show the new tasks before it goes on with a warning in its log.</summary>
    private static readonly TimeSpan RefreshLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(15);

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // One listing at a time: the loop's and a deploy's must not cross.
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool failing;

    private bool On => swarm.Value.Enabled && edge.Value.Enabled;

    /// <summary>
    /// Lists the tasks and pushes the config, again every half second for up to <see cref="RefreshLimit"/> until Caddy
    /// shows the deployment's first name going to exactly its running tasks (Caddy may be busy or restarting).
    /// </summary>
    public async Task<string?> RefreshAsync(string deployment, CancellationToken ct)
    {
        if (!On)
        {
            return null;
        }

        var deadline = DateTime.UtcNow + RefreshLimit;
        var problem = "";
        while (true)
        {
            if (!await ReconcileAsync(ct))
            {
                problem = "the manager did not list the running tasks";
            }
            else
            {
                var (site, shown, reason) = await proxy.RefreshAsync(deployment, ct);
                if (site is null)
                {
                    return null;
                }

                var tasks = site.Tasks ?? [];
                var names = string.Join(", ", site.Domains);
                if (shown.Order(StringComparer.Ordinal).SequenceEqual(tasks, StringComparer.Ordinal))
                {
                    return tasks.Count == 0
                        ? $"The edge answers {names} with 503: no task is running."
                        : $"The edge sends {names} to {tasks.Count} task(s): {string.Join(", ", tasks)}.";
                }

                problem = $"Caddy does not route {names} to the running tasks ({reason ?? $"it shows {(shown.Count == 0 ? "none" : string.Join(", ", shown))}"})";
            }

            if (DateTime.UtcNow >= deadline)
            {
                return $"{problem} within {RefreshLimit.TotalSeconds:0} s; the panel keeps trying, so the new tasks may get requests a little later.";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!On)
        {
            return;
        }

        routes.AwaitFirstListing();
        SwarmRoutingLog.Started(logger, Interval.TotalSeconds);
        var events = FollowEventsAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ReconcileAsync(stoppingToken);
                routes.FirstListingTried();
                using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timer.CancelAfter(Interval);
                try
                {
                    await wake.Reader.ReadAsync(timer.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval passed without an event: list anyway.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The panel is stopping; Caddy keeps the routes it has.
        }

        await events;
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    /// <summary>Lists the running tasks and, when they changed, stores them, logs each change and pushes the config.</summary>
    /// <returns>False when the manager did not answer (the routes stay as they were).</returns>
    private async Task<bool> ReconcileAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>> listed;
            using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                limit.CancelAfter(ListLimit);
                try
                {
                    listed = await query.EndpointsAsync(limit.Token);
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Logged once until a listing works again: the engine may be down for long.
                    if (!failing)
                    {
                        SwarmRoutingLog.ListFailed(logger, e, Interval.TotalSeconds);
                        failing = true;
                    }

                    return false;
                }
            }

            var before = routes.Current;
            if (SwarmRouteChange.Same(before, listed))
            {
                return true;
            }

            routes.Set(listed);
            foreach (var change in SwarmRouteChange.Between(before, listed))
            {
                SwarmRoutingLog.Changed(logger, change.Describe());
            }

            await proxy.RefreshAsync(null, ct);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Wakes the loop on every service or node event; follows the stream again, with growing pauses, when it ends.</summary>
    private async Task FollowEventsAsync(CancellationToken ct)
    {
        var pause = FirstPause;
        while (!ct.IsCancellationRequested)
        {
            string reason;
            try
            {
                await foreach (var _ in query.EventsAsync(ct))
                {
                    wake.Writer.TryWrite(true);
                    pause = FirstPause;
                }

                reason = "the engine closed it";
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                reason = e.Message;
            }

            SwarmRoutingLog.EventsLost(logger, reason, pause.TotalSeconds);
            try
            {
                await Task.Delay(pause, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }
}
