using Microsoft.Extensions.Logging;
using WebOps.Core.Runtime;

namespace WebOps.Addons.Process.Supervision;

/// <summary>
/// Keeps one app process running: starts it, watches it through <c>/proc</c> (so an app adopted from an earlier
/// panel, which is not our child, is watched the same way), restarts it after a crash with <see cref="Backoff"/>,
/// and stops its whole process group. Leaving (panel shutdown) stops watching but keeps the app running.
/// </summary>
public sealed class SupervisedProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly AppOutput _output;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private AppStart _start;
    private CancellationTokenSource _watching = new();
    private System.Diagnostics.Process? _child;
    private Task _loop = Task.CompletedTask;
    private int _attempt;

    private SupervisedProcess(AppStart start, AppOutput output, TimeProvider clock, ILogger logger)
    {
        _start = start;
        _output = output;
        _clock = clock;
        _logger = logger;
    }

    public string Name => _start.Name;

    /// <summary>How it was started, and where its pid and output files are.</summary>
    public AppStart Start => _start;

    /// <summary>
    /// False for a new release that has not proven itself yet: a crash then stays a crash (its exit code and output
    /// tell why the release failed) instead of a restart loop.
    /// </summary>
    public bool RestartsAfterCrash { get; set; } = true;

    /// <summary>The exit code, when the process was started by this panel and has exited.</summary>
    public int? ExitCode => _child is { HasExited: true } child ? child.ExitCode : null;

    public int Pid { get; private set; }

    public long StartTime { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public int RestartCount { get; private set; }

    public int? LastExitCode { get; private set; }

    public LogRing Ring => _output.Ring;

    public bool IsAlive => Pid > 0 && ProcStat.IsSame(Pid, StartTime);

    public static async Task<SupervisedProcess> StartAsync(
        AppStart start, AppOutput output, TimeProvider clock, ILogger logger, CancellationToken ct, bool restartsAfterCrash = true)
    {
        var supervised = new SupervisedProcess(start, output, clock, logger) { RestartsAfterCrash = restartsAfterCrash };
        output.Reset();
        await supervised.SpawnAsync(ct);
        supervised._loop = supervised.WatchAsync(supervised._watching.Token);
        return supervised;
    }

    /// <summary>Watches an app an earlier panel started (recorded in its pid file) without restarting it.</summary>
    public static async Task<SupervisedProcess> AdoptAsync(AppStart start, AppOutput output, PidFile pid, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var supervised = new SupervisedProcess(start, output, clock, logger)
        {
            Pid = pid.Pid,
            StartTime = pid.StartTime,
            StartedAt = clock.GetUtcNow(),
        };
        output.SkipExisting();
        await output.LoadHistoryAsync(500, ct);
        supervised._loop = supervised.WatchAsync(supervised._watching.Token);
        return supervised;
    }

    /// <summary>Stops watching, then SIGTERM to the group, SIGKILL after <paramref name="timeout"/>; removes the pid file.</summary>
    public async Task StopAsync(TimeSpan timeout, CancellationToken ct)
    {
        await LeaveAsync();
        if (IsAlive)
        {
            Signal(Signals.SigTerm);
            var deadline = _clock.GetUtcNow() + timeout;
            while (IsAlive && _clock.GetUtcNow() < deadline)
            {
                await Task.Delay(100, ct);
            }

            if (IsAlive)
            {
                Note($"did not stop within {timeout.TotalSeconds:0} s of SIGTERM; sending SIGKILL");
            }
        }

        // Also reaches children that outlived the app but kept its group.
        await KillGroupAndForgetAsync(ct);
    }

    /// <summary>SIGKILL to the whole group at once (a release that never answered); removes the pid file.</summary>
    public async Task KillAsync(CancellationToken ct)
    {
        await LeaveAsync();
        await KillGroupAndForgetAsync(ct);
    }

    /// <summary>SIGKILL to the group, up to 5 s for it to go, the last output read, the pid file gone.</summary>
    private async Task KillGroupAndForgetAsync(CancellationToken ct)
    {
        Signal(Signals.SigKill);
        for (var i = 0; i < 50 && IsAlive; i++)
        {
            await Task.Delay(100, ct);
        }

        await _output.PollAsync(ct);
        PidFile.Delete(_start.PidFilePath);
        _child?.Dispose();
    }

    /// <summary>
    /// Moves the pid file and both output files to the paths of <paramref name="start"/> and goes on watching the same
    /// process under them: how a release changes slot (next to current, current to previous) while it runs.
    /// </summary>
    public async Task MoveAsync(AppStart start, CancellationToken ct)
    {
        await LeaveAsync();
        await _output.PollAsync(ct);
        if (File.Exists(_start.PidFilePath))
        {
            File.Move(_start.PidFilePath, start.PidFilePath, overwrite: true);
        }

        _output.MoveTo(start.StdoutPath, start.StderrPath);
        _start = start;
        _watching.Dispose();
        _watching = new CancellationTokenSource();
        _loop = WatchAsync(_watching.Token);
    }

    /// <summary>Stops watching and leaves the app running (the panel is shutting down).</summary>
    public async Task LeaveAsync()
    {
        await _watching.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await LeaveAsync();
        _watching.Dispose();
    }

    private async Task SpawnAsync(CancellationToken ct)
    {
        var command = AppCommand.Build(_start.Program, _start.Arguments, _start.StdoutPath, _start.StderrPath, AppCommand.SetsidPath);
        _child?.Dispose();
        _child = System.Diagnostics.Process.Start(AppCommand.StartInfo(command, _start.WorkingDirectory, _start.Environment))
            ?? throw new InvalidOperationException($"Could not start '{_start.Program}' for '{_start.Name}'.");
        Pid = _child.Id;
        StartTime = ProcStat.StartTime(Pid) ?? 0;
        StartedAt = _clock.GetUtcNow();
        await new PidFile(Pid, StartTime).WriteAsync(_start.PidFilePath, ct);
        _logger.LogInformation("Started app {Name}: pid {Pid}, {Program}", _start.Name, Pid, _start.Program);
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(PollInterval, _clock, ct);
                await _output.PollAsync(ct);
                if (!IsAlive && RestartsAfterCrash)
                {
                    await RestartAfterCrashAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Leaving: the app keeps running on its own.
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Supervisor of app {Name} stopped unexpectedly; the app is no longer restarted after a crash.", _start.Name);
        }
    }

    private async Task RestartAfterCrashAsync(CancellationToken ct)
    {
        LastExitCode = _child is { HasExited: true } child ? child.ExitCode : null;
        var uptime = _clock.GetUtcNow() - StartedAt;
        _attempt = Backoff.NextAttempt(_attempt, uptime);
        var delay = Backoff.Delay(_attempt);
        var code = LastExitCode is { } c ? $"exit code {c}" : "exit code unknown";
        Note($"pid {Pid} exited ({code}) after {uptime.TotalSeconds:0} s; restarting in {delay.TotalSeconds:0} s");
        _logger.LogWarning("App {Name} (pid {Pid}) exited ({Code}); restarting in {Delay}.", _start.Name, Pid, code, delay);
        await Task.Delay(delay, _clock, ct);
        await _output.PollAsync(ct);
        await SpawnAsync(ct);
        RestartCount++;
        Note($"restarted as pid {Pid} (restart {RestartCount})");
    }

    private void Signal(int signal)
    {
        if (Pid <= 0)
        {
            return;
        }

        if (AppCommand.SetsidPath is not null)
        {
            Signals.Group(Pid, signal);
        }
        else if (IsAlive)
        {
            Signals.One(Pid, signal);
        }
    }

    private void Note(string text) =>
        _output.Ring.Add(new RuntimeLogLine(_clock.GetUtcNow(), "stderr", $"webops: {text}"));
}
