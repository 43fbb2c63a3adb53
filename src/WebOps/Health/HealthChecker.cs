using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Addons;
using WebOps.Core.Deployments;
using WebOps.Core.Health;
using WebOps.Core.Hooks;
using WebOps.Data;
using WebOps.Data.Entities;
using WebOps.Deploys;

namespace WebOps.Health;

/// <summary>
/// Checks one running deployment: its health_check hooks, then the HTTP probe; or records what a container event
/// already says. Checks of one deployment never overlap, so results land in the order they were taken.
/// </summary>
public sealed partial class HealthChecker(
    IServiceScopeFactory scopes,
    HookRunner hooks,
    AddonRegistry registry,
    HttpProbe probe,
    HealthRecorder recorder,
    DeploymentLogSink sink,
    IOptions<HealthOptions> options,
    ILogger<HealthChecker> logger)
{
    /// <summary>
    /// How long a container that just (re)started is checked again while it is unhealthy: the engine reports it running
    /// before the app in it listens, so the first probe after a <c>start</c> event often finds the port closed.
    /// </summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<int, SemaphoreSlim> gates = new();

    public async Task CheckAsync(int deploymentId, string source, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(deploymentId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var d = await db.Deployments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == deploymentId, ct);
            if (d is null || d.Status != DeploymentStatus.Running)
            {
                return;
            }

            var settings = d.HostPort is null ? null : await db.HealthSettings.AsNoTracking().FirstOrDefaultAsync(s => s.DeploymentId == d.Id, ct);
            await recorder.RecordAsync(db, d, await ReadAsync(d, settings, source, refreshAddons: true, ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogCheckFailed(logger, e, deploymentId);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Checks every running deployment (at most <paramref name="maxConcurrency"/> at once) and records all results with
    /// one save: the deployments, their probe settings and the addons' enabled flags are read once for the sweep. Each
    /// deployment's gate is held from its check until the results are saved, so an event's check never lands between.
    /// Returns how many deployments were checked.
    /// </summary>
    public async Task<int> SweepAsync(int maxConcurrency, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var running = await db.Deployments.AsNoTracking().Where(d => d.Status == DeploymentStatus.Running).OrderBy(d => d.Id).ToListAsync(ct);
        var ids = running.Select(d => d.Id).ToList();
        var settings = await db.HealthSettings.AsNoTracking().Where(s => ids.Contains(s.DeploymentId)).ToDictionaryAsync(s => s.DeploymentId, ct);
        await registry.RefreshEnabledAsync(ct);

        var results = new ConcurrentBag<(Deployment, IReadOnlyList<HealthReading>)>();
        var held = new ConcurrentBag<SemaphoreSlim>();
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = ct };
            await Parallel.ForEachAsync(running, parallel, async (d, token) =>
            {
                var gate = gates.GetOrAdd(d.Id, _ => new SemaphoreSlim(1, 1));
                await gate.WaitAsync(token);
                held.Add(gate);
                try
                {
                    results.Add((d, await ReadAsync(d, settings.GetValueOrDefault(d.Id), HealthSources.Sweep, refreshAddons: false, token)));
                }
                catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    LogCheckFailed(logger, e, d.Id);
                }
            });

            // Each gate is held now. An event may have moved a deployment's health after the read above and before its
            // gate was taken; the verdict is applied against what is stored now, or a healthy reading would be taken for
            // no change and leave the event's "unhealthy" standing under a newer "running" entry.
            var stored = await db.Deployments.AsNoTracking().Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.Health }).ToDictionaryAsync(d => d.Id, d => d.Health, ct);
            foreach (var (d, _) in results)
            {
                d.Health = stored.GetValueOrDefault(d.Id, d.Health);
            }

            await recorder.RecordSweepAsync(db, [.. results], ct);
        }
        finally
        {
            foreach (var gate in held)
            {
                gate.Release();
            }
        }

        return running.Count;
    }

    /// <summary>Handles a container event of the deployment named by the container's label.</summary>
    public async Task OnContainerEventAsync(string deployment, string containerId, ContainerEventReaction reaction, CancellationToken ct)
    {
        int id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var d = await db.Deployments.AsNoTracking().FirstOrDefaultAsync(x => x.Name == deployment, ct);
            if (d is null || d.Status != DeploymentStatus.Running || !IsCurrentContainer(d.ContainerId, containerId))
            {
                return; // a replaced container dying after a redeploy, or a stopped app: not a health change
            }

            id = d.Id;
        }

        if (reaction.Action == ContainerEventAction.Recheck)
        {
            // The engine says running before the app in it listens: wait (unrecorded) until its probe answers, up to
            // the grace, so a restart does not show, or alarm, as unhealthy for that moment. Then check and record, and
            // while it stays unhealthy check again after 1, 2, 4, 8 and 16 s rather than at the next sweep.
            await WaitUntilProbeAnswersAsync(id, ct);
            var delay = TimeSpan.FromSeconds(1);
            for (var waited = TimeSpan.Zero; ; waited += delay, delay *= 2)
            {
                await CheckAsync(id, HealthSources.Event, ct);
                if (waited >= StartGrace || await HealthOfAsync(id, ct) != HealthState.Unhealthy)
                {
                    return;
                }

                await Task.Delay(delay, ct);
            }
        }

        await RecordEventAsync(id, HealthReading.Unhealthy(reaction.Cause!, HealthSources.Event), ct);
    }

    private async Task WaitUntilProbeAnswersAsync(int deploymentId, CancellationToken ct)
    {
        int? port;
        DeploymentHealthSettings? settings;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            port = await db.Deployments.Where(d => d.Id == deploymentId).Select(d => d.HostPort).FirstOrDefaultAsync(ct);
            settings = port is null ? null : await db.HealthSettings.AsNoTracking().FirstOrDefaultAsync(s => s.DeploymentId == deploymentId, ct);
        }

        var until = DateTime.UtcNow + StartGrace;
        while (port is { } p && DateTime.UtcNow < until && (await probe.ProbeAsync(p, settings, ct)).Status != HealthState.Healthy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private async Task<HealthState?> HealthOfAsync(int deploymentId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        return await db.Deployments.Where(d => d.Id == deploymentId && d.Status == DeploymentStatus.Running)
            .Select(d => (HealthState?)d.Health).FirstOrDefaultAsync(ct);
    }

    private async Task RecordEventAsync(int deploymentId, HealthReading reading, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(deploymentId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            if (await db.Deployments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == deploymentId, ct) is { Status: DeploymentStatus.Running } d)
            {
                await recorder.RecordAsync(db, d, [reading], ct);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The deployment's health_check hooks, then the HTTP probe on its port.</summary>
    private async Task<IReadOnlyList<HealthReading>> ReadAsync(Deployment d, DeploymentHealthSettings? settings, string source, bool refreshAddons, CancellationToken ct)
    {
        var readings = new List<HealthReading>();
        if (await RunHooksAsync(d, source, refreshAddons, ct) is { } hookReading)
        {
            readings.Add(hookReading);
        }

        // A swarm deployment's tasks listen on the cluster's nodes, not on its loopback port here: its tasks are its health.
        if (d.HostPort is { } port && d.Target != DeployTarget.Swarm)
        {
            readings.Add(await probe.ProbeAsync(port, settings, ct));
        }

        return readings;
    }

    private async Task<HealthReading?> RunHooksAsync(Deployment d, string source, bool refreshAddons, CancellationToken ct)
    {
        var context = new HookContext
        {
            Event = HookEvent.HealthCheck,
            Deployment = SnapshotFactory.From(d),
            Log = new QuietHealthLog(new RunLog(sink, d.Name, d.Id, null)),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.CheckTimeout);
        var outcome = await hooks.RunHealthChecksAsync(context, refreshAddons, timeout.Token);
        if (outcome.Health == HealthState.Unknown)
        {
            return null;
        }

        var message = outcome.Message ?? outcome.Hooks.FirstOrDefault(h => h.Health == HealthState.Healthy)?.Message;
        return new HealthReading(outcome.Health, message, source, new Dictionary<string, object?>(context.Metrics));
    }

    private static bool IsCurrentContainer(string? runtimeId, string containerId) =>
        string.IsNullOrEmpty(runtimeId) || string.IsNullOrEmpty(containerId)
        || runtimeId.StartsWith(containerId, StringComparison.Ordinal) || containerId.StartsWith(runtimeId, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check of deployment {DeploymentId} failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception e, int deploymentId);
}
