using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Proxy;
using WebOps.Data;
using WebOps.Swarm.Routing;

namespace WebOps.Proxy;

/// <summary>
/// Keeps Caddy's config equal to what the deployments ask for. At start it starts Caddy when none answers; then,
/// every second and at once after a change, it reads the running config and pushes the whole desired one when they
/// differ. A Caddy that restarted (empty or foreign config) is so put right within about a second of answering; one
/// that died and does not come back is started again (<see cref="CaddyRelaunch"/>) on the desired config. Swarm
/// deployments are routed to their running tasks as <see cref="SwarmRoutes"/> last listed them.
/// </summary>
public sealed class ProxyService(
    IOptions<ProxyOptions> options,
    ProxyStatus status,
    ProxyChanges changes,
    CaddyAdminClient admin,
    CaddyLauncher launcher,
    ProxyFolder folder,
    PanelUpstream panel,
    SlotFiles slots,
    SwarmRoutes swarmRoutes,
    IServiceScopeFactory scopes,
    ILogger<ProxyService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SeenPoll = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long a switch waits for Caddy's health checks to show a slot file change (<see cref="SlotWait"/>) before it
    /// goes on regardless and says so in the log. They come every <see cref="CaddyConfig.HealthInterval"/>; this is
    /// for a machine so busy that they do not.
    /// </summary>
    private static readonly TimeSpan SeenLimit = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private JsonObject desired = new();
    private List<ProxySite> sites = [];
    private (int Sites, int Names) counts;

    // A swarm deployment whose tasks are not listed yet has no site: see SwarmRoutes.Pending.
    private bool swarmUnknown;

    // Caddy may hand back a pushed config in another form; what it showed right after accepting one counts as in sync.
    private (JsonObject Pushed, JsonNode? Shown)? accepted;
    private JsonObject? refused;
    private string? reported;
    private DateTime? silentSince;
    private DateTime? launchedAt;

    // One round at a time: the loop's and a switch's pushes must not cross.
    private readonly SemaphoreSlim round = new(1, 1);

    // Deployments whose slot files a switch is flipping: the loop leaves their files alone meanwhile.
    private readonly ConcurrentDictionary<string, bool> switching = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            status.Set(ProxyStatus.Disabled);
            return;
        }

        try
        {
            await StartCaddyIfNoneAnswersAsync(o, stoppingToken);

            var changed = true;
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await round.WaitAsync(stoppingToken);
                    try
                    {
                        if (changed)
                        {
                            await RebuildAsync(stoppingToken);
                        }

                        slots.Sync(sites, [.. switching.Keys]);
                        await SyncAsync(o, stoppingToken);
                    }
                    finally
                    {
                        round.Release();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // One bad round (database busy, a disk error) must not end the service: the next one tries again.
                    ProxyLog.RoundFailed(logger, e);
                    changed = true;
                    await Task.Delay(Poll, stoppingToken);
                    continue;
                }

                changed = await changes.WaitAsync(Poll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The panel is stopping; Caddy keeps serving with the config it has.
        }
    }

    /// <summary>
    /// Switches <paramref name="deployment"/> to the release on <paramref name="port"/>: <paramref name="save"/> stores
    /// the port (and returns the previous one), the port's slot file is raised, the config is pushed when it changed
    /// (a new pair of slots; the same pair needs no load) and read back until every name lists the port. Then, on what
    /// Caddy's health checks log (<see cref="SlotWait"/>): once every route's checker has found the new slot healthy, the
    /// other slot's file is lowered, and this returns once every checker has found that one down, so the caller may
    /// drain and stop the old release. There is never a moment without a healthy slot, and no client connection is closed.
    /// </summary>
    /// <returns>Null, or what was not seen in time (<see cref="IEdgeRouter.SwitchAsync"/>).</returns>
    /// <exception cref="EdgeSwitchException">Caddy did not answer, refused the config, or runs another route.</exception>
    public async Task<string?> SwitchAsync(string deployment, int port, Func<CancellationToken, Task<int?>> save, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(save);
        var o = options.Value;
        if (!switching.TryAdd(deployment, true))
        {
            throw new EdgeSwitchException($"Another switch of '{deployment}' is under way; its route was not switched to port {port}. Try again when it ends.");
        }

        try
        {
            var old = await save(ct);
            IReadOnlyList<string> names;
            long from;
            await round.WaitAsync(ct);
            try
            {
                await RebuildAsync(ct);
                names = sites.FirstOrDefault(s => s.Deployment == deployment && s.HostPort == port)?.Domains ?? [];
                if (names.Count == 0)
                {
                    throw new EdgeSwitchException($"The edge config has no route for '{deployment}' to port {port}: does it still have a domain or Proxy:BaseDomain?");
                }

                from = SlotLogTail.End(SlotLogFile);
                slots.Raise(deployment, port);
                await SyncAsync(o, ct);
                var (answered, current, reason) = await ReadAsync(ct);
                if (!answered)
                {
                    throw new EdgeSwitchException($"Caddy's admin API at {o.AdminAddress} did not answer after the switch of '{deployment}': {reason}. See {folder.LogFile}.");
                }

                var dial = SlotPorts.Dial(port);
                var wrong = names.Where(n => !CaddyRoutes.DialsOf(current, n).Contains(dial)).ToList();
                if (wrong.Count > 0)
                {
                    throw new EdgeSwitchException(
                        $"Caddy's running config does not send {string.Join(", ", wrong)} to {dial} after the switch of '{deployment}' " +
                        $"(refused config? see the panel's log and {folder.LogFile}).");
                }
            }
            finally
            {
                round.Release();
            }

            // Both slots healthy for a moment is harmless (Caddy takes the first); neither healthy would be a 503.
            var uris = names.Select(n => SlotPorts.HealthUri(deployment, port, n)).ToList();
            var raised = await WaitSeenAsync(deployment, port, new SlotWait(SlotPorts.Slot(port), uris, 200), from, "healthy", ct);
            var partner = SlotPorts.Partner(port);
            from = SlotLogTail.End(SlotLogFile);
            slots.Lower(deployment, partner);
            if (old is { } previous && SlotPorts.PairBase(previous) != SlotPorts.PairBase(port))
            {
                // The earlier pair is gone from the config already: no checker asks for its files any more.
                slots.Lower(deployment, previous);
            }

            var lowered = await WaitSeenAsync(deployment, partner, new SlotWait(SlotPorts.Slot(partner), uris, 404), from, "down", ct);
            return raised ?? lowered;
        }
        finally
        {
            switching.TryRemove(deployment, out _);
        }
    }

    private string SlotLogFile => CaddyConfig.SlotLogFile(folder.Path);

    /// <summary>
    /// Rebuilds the desired config now, pushes it when Caddy runs another, and reads back where Caddy sends the first
    /// name of <paramref name="deployment"/>: for changes the database does not see (the tasks of a swarm deployment).
    /// </summary>
    /// <returns>The deployment's site (null when the edge routes none of its names), what Caddy shows, and why it showed nothing.</returns>
    public async Task<(ProxySite? Site, IReadOnlyList<string> Shown, string? Reason)> RefreshAsync(string? deployment, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return (null, [], null);
        }

        await round.WaitAsync(ct);
        try
        {
            await RebuildAsync(ct);
            await SyncAsync(o, ct);
            if (sites.FirstOrDefault(s => s.Deployment == deployment) is not { } site)
            {
                return (null, [], null);
            }

            var (answered, current, reason) = await ReadAsync(ct);
            return (site, answered ? CaddyRoutes.DialsOf(current, site.Domains[0]) : [], reason);
        }
        finally
        {
            round.Release();
        }
    }

    /// <summary>
    /// Waits until the slot log shows <paramref name="wait"/> done. When it does not within <see cref="SeenLimit"/>
    /// (Caddy logs elsewhere, or is too busy to check), the switch goes on and the panel's log says what was not seen.
    /// </summary>
    private async Task<string?> WaitSeenAsync(string deployment, int port, SlotWait wait, long from, string state, CancellationToken ct)
    {
        var tail = new SlotLogTail(SlotLogFile, from);
        var started = DateTime.UtcNow;
        while (true)
        {
            foreach (var line in tail.ReadLines())
            {
                wait.Add(line);
            }

            if (wait.Done)
            {
                return null;
            }

            if (DateTime.UtcNow - started >= SeenLimit)
            {
                var missing = string.Join(", ", wait.Missing);
                ProxyLog.SlotNotSeen(logger, deployment, port, SlotPorts.Slot(port), state, SeenLimit.TotalSeconds, missing, SlotLogFile);
                return $"Caddy's health checks did not find port {port} of '{deployment}' {state} within {SeenLimit.TotalSeconds:0} s " +
                    $"({missing}); the switch went on regardless, so a request may have failed. See {SlotLogFile}.";
            }

            await Task.Delay(SeenPoll, ct);
        }
    }

    public override void Dispose()
    {
        round.Dispose();
        base.Dispose();
    }

    private async Task StartCaddyIfNoneAnswersAsync(ProxyOptions o, CancellationToken ct)
    {
        try
        {
            await RebuildAsync(ct);
            if (!(await ReadAsync(ct)).Answered)
            {
                await LaunchAsync(o, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            ProxyLog.RoundFailed(logger, e);
        }
    }

    /// <summary>The desired config from the stored deployments; kept as it was when the database does not answer.</summary>
    private async Task RebuildAsync(CancellationToken ct)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
        var deployments = await db.Deployments.AsNoTracking().Where(d => d.HostPort != null).ToListAsync(ct);
        var swarm = deployments.Where(d => d.Target == DeployTarget.Swarm).ToDictionary(d => d.Name, d => swarmRoutes.TasksOf(d.Name), StringComparer.Ordinal);
        swarmUnknown = swarm.Values.Any(t => t is null);
        sites = deployments.Select(d => ProxySite.For(d, o.BaseDomain, swarm.GetValueOrDefault(d.Name))).OfType<ProxySite>().ToList();
        desired = CaddyConfig.Build(o, folder.Path, sites, panel.Address);
        counts = (sites.Count, sites.Sum(s => s.Domains.Count));
    }

    private async Task SyncAsync(ProxyOptions o, CancellationToken ct)
    {
        var (answered, current, reason) = await ReadAsync(ct);
        if (!answered)
        {
            var now = CaddyLauncher.Find(o.CaddyPath) is null ? ProxyStatus.NotInstalled : ProxyStatus.NotAnswering;
            Report(o, now, reason);
            await RelaunchIfGoneAsync(o, now, ct);
            return;
        }

        silentSince = null;
        Report(o, ProxyStatus.Ok, null);
        ForgetStalePidFile();
        if (swarmUnknown && swarmRoutes.Pending)
        {
            // Just started: a config without the swarm routes Caddy serves would cut them until the tasks are listed.
            return;
        }

        if (JsonNode.DeepEquals(current, desired)
            || (accepted is { } a && JsonNode.DeepEquals(a.Pushed, desired) && JsonNode.DeepEquals(a.Shown, current))
            || (refused is not null && JsonNode.DeepEquals(refused, desired)))
        {
            return;
        }

        var pushing = (JsonObject)desired.DeepClone();
        try
        {
            await admin.LoadAsync(pushing, ct);
            ProxyLog.Pushed(logger, counts.Sites, counts.Names);
            folder.SaveConfig(pushing.ToJsonString(Indented));
            refused = null;
            accepted = (pushing, (await ReadAsync(ct)).Config);
        }
        catch (HttpRequestException e) when (e.StatusCode is not null)
        {
            // The same config would be refused again: wait for a change before trying once more.
            ProxyLog.PushFailed(logger, e);
            refused = pushing;
        }
        catch (HttpRequestException e)
        {
            // No answer (a connection reset, Caddy restarting its admin endpoint): nothing was refused, so the next
            // round pushes again.
            ProxyLog.PushInterrupted(logger, e);
        }
    }

    private async Task<(bool Answered, JsonNode? Config, string? Reason)> ReadAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CaddyAdminClient.Limit);
        try
        {
            return (true, await admin.GetConfigAsync(timeout.Token), null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return (false, null, e is OperationCanceledException ? $"no answer within {CaddyAdminClient.Limit.TotalSeconds:0} s" : e.Message);
        }
    }

    /// <summary>Starts Caddy again, on the desired config, when <see cref="CaddyRelaunch"/> says so.</summary>
    private async Task RelaunchIfGoneAsync(ProxyOptions o, string now, CancellationToken ct)
    {
        var at = DateTime.UtcNow;
        silentSince ??= at;
        if (now != ProxyStatus.NotAnswering)
        {
            return;
        }

        var own = CaddyLauncher.ReadPid(folder.PidFile);
        var why = CaddyRelaunch.Reason(o.AdminAddress, own, own is { } pid && CaddyLauncher.IsRunning(pid), at - silentSince.Value, at - launchedAt);
        if (why is null)
        {
            return;
        }

        ProxyLog.Relaunching(logger, why, counts.Sites, counts.Names);
        var started = DateTime.UtcNow;
        await LaunchAsync(o, ct);
        if ((await ReadAsync(ct)).Answered)
        {
            ProxyLog.Relaunched(logger, o.AdminAddress, (DateTime.UtcNow - started).TotalSeconds);
        }
    }

    /// <summary>
    /// A pid file whose process is gone while a Caddy answers belongs to an earlier Caddy of the panel's, replaced
    /// since (e.g. by the systemd unit): it must not make the panel race that one's restarts later.
    /// </summary>
    private void ForgetStalePidFile()
    {
        if (CaddyLauncher.ReadPid(folder.PidFile) is { } pid && !CaddyLauncher.IsRunning(pid))
        {
            try
            {
                File.Delete(folder.PidFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Harmless: the relaunch rule then treats the next silence as this Caddy's death, one start early.
            }
        }
    }

    private async Task LaunchAsync(ProxyOptions o, CancellationToken ct)
    {
        launchedAt = DateTime.UtcNow;
        if (CaddyLauncher.Find(o.CaddyPath) is not { } caddy)
        {
            ProxyLog.NotInstalled(logger, o.CaddyPath, o.AdminAddress);
            reported = ProxyStatus.NotInstalled;
            status.Set(ProxyStatus.NotInstalled);
            return;
        }

        try
        {
            var pid = launcher.Start(caddy, desired.ToJsonString(Indented));
            ProxyLog.Started(logger, pid, o.AdminAddress, o.HttpPort, o.HttpsPort, folder.LogFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            ProxyLog.StartFailed(logger, e, caddy);
            return;
        }

        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline && !(await ReadAsync(ct)).Answered)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    /// <summary>Sets the status; a change for the worse is logged once, not every second.</summary>
    private void Report(ProxyOptions o, string now, string? reason)
    {
        status.Set(now);
        if (now == reported)
        {
            return;
        }

        reported = now;
        if (now == ProxyStatus.NotInstalled)
        {
            ProxyLog.NotInstalled(logger, o.CaddyPath, o.AdminAddress);
        }
        else if (now == ProxyStatus.NotAnswering)
        {
            ProxyLog.NotAnswering(logger, o.AdminAddress, reason ?? "no answer", folder.LogFile);
        }
    }
}
