using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Static;
using WebOps.Addons.Process.Supervision;

namespace WebOps.Addons.Process.Runtime;

/// <summary>
/// A redeploy beside the running release: the new release starts in the <see cref="ReleaseSlot.Next"/> slot on its own
/// port while the current one keeps serving, takes over once the edge sends it the traffic, and the previous one is
/// handed back to be drained and stopped.
/// </summary>
public sealed partial class ProcessApps
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Starts <paramref name="spec"/> beside the current release and waits until it answers HTTP on its port. Returns
    /// it, or why it failed with its last output lines (it was killed, its whole process group with it).
    /// </summary>
    public async Task<(RunningRelease? Release, string? Failure)> StartBesideAsync(
        string name, LaunchSpec spec, IReadOnlyDictionary<string, string> variables, CancellationToken ct)
    {
        await StopLeftoversAsync(name, ct);
        var ring = new LogRing(Options.LogLines);
        RunningRelease release;
        if (spec.Kind == LaunchKind.Static)
        {
            try
            {
                release = RunningRelease.Of(await StaticSiteServer.StartAsync(spec.WorkingDirectory, spec.HostPort, ring, clock, ct));
            }
            catch (IOException e)
            {
                return (null, $"The new release of '{name}' could not serve on 127.0.0.1:{spec.HostPort}: {e.Message}. The previous release kept serving.");
            }
        }
        else
        {
            Directory.CreateDirectory(paths.Root(name));
            var start = Start(name, spec, LaunchSpecs.Environment(spec, variables), ReleaseSlot.Next);
            var output = new AppOutput(start.StdoutPath, start.StderrPath, paths.AppLog(name), ring, clock);
            release = RunningRelease.Of(await SupervisedProcess.StartAsync(start, output, clock, logger, ct, restartsAfterCrash: false), spec.HostPort);
        }

        string? failure;
        try
        {
            failure = await WaitAnswersAsync(name, release, ct);
        }
        catch (Exception)
        {
            await release.KillAsync(CancellationToken.None);
            throw;
        }

        if (failure is null)
        {
            return (release, null);
        }

        await release.KillAsync(CancellationToken.None);
        return (null, $"{failure} It was stopped; the previous release kept serving. Last output:\n{OutputTail.Describe(release.Ring.Tail(Options.LogLines))}");
    }

    /// <summary>
    /// Makes <paramref name="release"/> the current one: its files take the plain names, it is restarted after a crash
    /// from now on, its launch spec is what a restart of the panel starts, and its output is the runtime log. Returns
    /// the release it replaced, moved to the <see cref="ReleaseSlot.Previous"/> slot and still running, or null.
    /// </summary>
    public async Task<RunningRelease?> PromoteAsync(string name, RunningRelease release, LaunchSpec spec, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var oldPort = (await LaunchSpec.LoadAsync(paths.LaunchFile(name), ct))?.HostPort ?? 0;
            RunningRelease? previous = null;
            if (_sites.TryRemove(name, out var site))
            {
                previous = RunningRelease.Of(site);
            }

            if (_processes.TryRemove(name, out var process))
            {
                await process.MoveAsync(InSlot(process.Start, ReleaseSlot.Previous), ct);
                previous = RunningRelease.Of(process, oldPort);
            }

            if (release.Process is { } next)
            {
                await next.MoveAsync(InSlot(next.Start, ReleaseSlot.Current), ct);
                next.RestartsAfterCrash = true;
                _processes[name] = next;
            }

            if (release.Site is { } nextSite)
            {
                _sites[name] = nextSite;
            }

            _rings[name] = release.Ring;
            await spec.SaveAsync(paths.LaunchFile(name), ct);
            return previous;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Null once the release answers HTTP; else why not: it exited, or the start time ran out.</summary>
    private async Task<string?> WaitAnswersAsync(string name, RunningRelease release, CancellationToken ct)
    {
        var timeout = Options.StartTimeout;
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            if (release.Process is { IsAlive: false } exited)
            {
                var code = exited.ExitCode is { } c ? $"with code {c}" : "(exit code unknown)";
                return $"The new release of '{name}' exited {code} before it answered on 127.0.0.1:{release.Port}.";
            }

            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return $"The new release of '{name}' did not answer HTTP on 127.0.0.1:{release.Port} within {timeout.TotalSeconds:0.#} s. "
                    + "Check that it serves on that address (Process:StartTimeout sets the time it has).";
            }

            if (await PortProbe.AnswersHttpAsync(release.Port, left < TimeSpan.FromSeconds(2) ? left : TimeSpan.FromSeconds(2), ct))
            {
                return null;
            }

            await Task.Delay(ProbeInterval, clock, ct);
        }
    }
}
