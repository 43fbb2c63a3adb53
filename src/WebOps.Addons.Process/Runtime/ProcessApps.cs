using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Static;
using WebOps.Addons.Process.Supervision;
using WebOps.Addons.Process.Systemd;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Runtime;

/// <summary>
/// The apps without Docker this panel runs: supervised processes (or systemd units) and in-process static sites,
/// one per deployment name. Starting an app first stops whatever ran for that name, so the port is free; a redeploy
/// beside the running release (ProcessApps.Beside.cs) holds the other release apart until it takes over or stops.
/// </summary>
public sealed partial class ProcessApps(
    AppPaths paths,
    IOptions<ProcessOptions> options,
    SupervisorChoice supervisor,
    SystemdHost systemd,
    TimeProvider clock,
    ILogger<ProcessApps> logger)
{
    private readonly ConcurrentDictionary<string, SupervisedProcess> _processes = new();
    private readonly ConcurrentDictionary<string, StaticSiteServer> _sites = new();
    private readonly ConcurrentDictionary<string, LogRing> _rings = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    private ProcessOptions Options => options.Value;

    /// <summary>True when apps run as systemd units: their process ids are then systemd's, not known here.</summary>
    public bool UnderSystemd => supervisor.UseSystemd;

    /// <summary>Starts the app and waits until it accepts connections on its port.</summary>
    public async Task StartAsync(string name, LaunchSpec spec, IReadOnlyDictionary<string, string> variables, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await StopCoreAsync(name, ct);
            if (spec.Kind == LaunchKind.Static)
            {
                _sites[name] = await StaticSiteServer.StartAsync(spec.WorkingDirectory, spec.HostPort, Ring(name), clock, ct);
                return;
            }

            var environment = LaunchSpecs.Environment(spec, variables);
            if (supervisor.UseSystemd)
            {
                var unit = systemd.Render(name, spec.Program, spec.Arguments, spec.WorkingDirectory, environment, spec.UnitResources);
                await systemd.InstallAndStartAsync(name, unit, ct);
            }
            else
            {
                _processes[name] = await SupervisedProcess.StartAsync(Start(name, spec, environment), Output(name), clock, logger, ct);
            }

            await WaitForPortAsync(name, spec, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// After a panel restart: watches the app again when the process recorded in its pid file still lives,
    /// else starts it. Static sites are always started (they stopped with the panel).
    /// </summary>
    public async Task<bool> AdoptOrStartAsync(string name, LaunchSpec spec, IReadOnlyDictionary<string, string> variables, CancellationToken ct)
    {
        await StopLeftoversAsync(name, ct);
        if (spec.Kind == LaunchKind.Process && !supervisor.UseSystemd
            && await PidFile.ReadAsync(paths.PidFile(name), ct) is { } pid && ProcStat.IsSame(pid.Pid, pid.StartTime))
        {
            var environment = LaunchSpecs.Environment(spec, variables);
            _processes[name] = await SupervisedProcess.AdoptAsync(Start(name, spec, environment), Output(name), pid, clock, logger, ct);
            return true;
        }

        if (spec.Kind == LaunchKind.Process && supervisor.UseSystemd)
        {
            return true; // systemd brings its units back by itself
        }

        await StartAsync(name, spec, variables, ct);
        return false;
    }

    public async Task StopAsync(string name, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            await StopCoreAsync(name, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public AppStatus? Status(string name, LaunchSpec? spec)
    {
        var now = clock.GetUtcNow();
        if (_sites.TryGetValue(name, out var site))
        {
            return new AppStatus(true, Environment.ProcessId, 0, now - site.StartedAt, null, null, spec?.Description ?? "static");
        }

        if (_processes.TryGetValue(name, out var p))
        {
            var alive = p.IsAlive;
            return new AppStatus(alive, p.Pid, p.RestartCount, alive ? now - p.StartedAt : TimeSpan.Zero,
                alive ? ProcStat.RssBytes(p.Pid) : null, p.LastExitCode, spec?.Description ?? "process");
        }

        return null;
    }

    /// <summary>The last lines from memory, else from <c>app.log</c> (an app stopped before the panel started).</summary>
    public async Task<IReadOnlyList<RuntimeLogLine>> LogsAsync(string name, int tail, CancellationToken ct)
    {
        if (_rings.TryGetValue(name, out var ring) && ring.Count > 0)
        {
            return ring.Tail(tail);
        }

        return await AppLogFile.TailAsync(paths.AppLog(name), tail, ct);
    }

    /// <summary>Panel shutdown: static sites close; processes keep running and are adopted at the next start.</summary>
    public async Task LeaveAllAsync()
    {
        foreach (var name in _sites.Keys)
        {
            if (_sites.TryRemove(name, out var site))
            {
                await site.DisposeAsync();
            }
        }

        foreach (var name in _processes.Keys)
        {
            if (_processes.TryRemove(name, out var process))
            {
                await process.DisposeAsync();
            }
        }
    }

    private async Task StopCoreAsync(string name, CancellationToken ct)
    {
        if (_sites.TryRemove(name, out var site))
        {
            await site.DisposeAsync();
        }

        if (_processes.TryRemove(name, out var process))
        {
            await process.StopAsync(Options.StopTimeout, ct);
            await process.DisposeAsync();
        }
        else
        {
            // Started by an earlier panel and not adopted (e.g. its deployment was not marked running).
            await StopRecordedAsync(name, ReleaseSlot.Current, ct);
        }

        await StopLeftoversAsync(name, ct);
        if (supervisor.UseSystemd && systemd.IsInstalled(name))
        {
            await systemd.StopAsync(name, ct);
        }
    }

    /// <summary>Releases a redeploy beside the running one left behind when the panel stopped in the middle of it.</summary>
    private async Task StopLeftoversAsync(string name, CancellationToken ct)
    {
        await StopRecordedAsync(name, ReleaseSlot.Next, ct);
        await StopRecordedAsync(name, ReleaseSlot.Previous, ct);
    }

    /// <summary>Stops the process a slot's pid file records when it still lives: this panel does not watch it.</summary>
    private async Task StopRecordedAsync(string name, ReleaseSlot slot, CancellationToken ct)
    {
        if (await PidFile.ReadAsync(paths.PidFile(name, slot), ct) is not { } pid)
        {
            return;
        }

        if (!ProcStat.IsSame(pid.Pid, pid.StartTime))
        {
            PidFile.Delete(paths.PidFile(name, slot));
            return;
        }

        var start = Start(name, null, new Dictionary<string, string>(), slot);
        var output = slot == ReleaseSlot.Current ? Output(name) : new AppOutput(start.StdoutPath, start.StderrPath, paths.AppLog(name), new LogRing(1), clock);
        var orphan = await SupervisedProcess.AdoptAsync(start, output, pid, clock, logger, ct);
        await orphan.StopAsync(Options.StopTimeout, ct);
        await orphan.DisposeAsync();
        logger.LogInformation("Stopped pid {Pid} of app {Name} ({Slot} release) that no panel watched.", pid.Pid, name, slot);
    }

    private async Task WaitForPortAsync(string name, LaunchSpec spec, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + Options.StartTimeout;
        while (clock.GetUtcNow() < deadline)
        {
            if (await PortProbe.AcceptsAsync(spec.HostPort, ct))
            {
                return;
            }

            await Task.Delay(200, ct);
        }

        var last = string.Join('\n', (await LogsAsync(name, 20, ct)).Select(l => $"{l.Stream}: {l.Text}"));
        await StopCoreAsync(name, ct);
        throw new InvalidOperationException(
            $"App '{name}' did not accept connections on 127.0.0.1:{spec.HostPort} within {Options.StartTimeout.TotalSeconds:0} s "
            + $"and was stopped. Check that it serves on that address. Last output:\n{last}");
    }

    private LogRing Ring(string name) => _rings.GetOrAdd(name, _ => new LogRing(Options.LogLines));

    private AppOutput Output(string name)
    {
        Directory.CreateDirectory(paths.Root(name));
        return new AppOutput(paths.StdoutFile(name), paths.StderrFile(name), paths.AppLog(name), Ring(name), clock);
    }

    private AppStart Start(string name, LaunchSpec? spec, IReadOnlyDictionary<string, string> environment, ReleaseSlot slot = ReleaseSlot.Current) => new()
    {
        Name = name,
        Program = spec?.Program ?? "",
        Arguments = spec?.Arguments ?? [],
        WorkingDirectory = spec?.WorkingDirectory ?? paths.Root(name),
        Environment = environment,
        StdoutPath = paths.StdoutFile(name, slot),
        StderrPath = paths.StderrFile(name, slot),
        PidFilePath = paths.PidFile(name, slot),
    };

    /// <summary>The same process start, with the pid and output files of another slot.</summary>
    private AppStart InSlot(AppStart start, ReleaseSlot slot) => start with
    {
        StdoutPath = paths.StdoutFile(start.Name, slot),
        StderrPath = paths.StderrFile(start.Name, slot),
        PidFilePath = paths.PidFile(start.Name, slot),
    };
}
