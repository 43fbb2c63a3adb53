using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace WebOps.Core.Systemd;

/// <summary>Runs systemctl with an argument list (never a shell line) and a time limit.</summary>
public sealed class SystemctlClient(IOptions<SystemdOptions> options)
{
    private SystemdOptions Settings => options.Value;

    /// <summary>True when systemd runs as PID 1 here (otherwise systemctl cannot manage units).</summary>
    public bool IsPid1()
    {
        if (Settings.AssumePid1 is { } assumed)
        {
            return assumed;
        }

        try
        {
            return File.ReadAllText("/proc/1/comm").Trim() == "systemd";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Runs <c>systemctl ARGS</c> and returns its output; a non-zero exit throws with systemctl's error text.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Settings.SystemctlPath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var line = $"systemctl {string.Join(' ', arguments)}";
        using var process = StartOrThrow(start, line);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Settings.CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{line} did not finish within {Settings.CommandTimeout}. Check 'systemctl status' on the host.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{line} failed with exit code {process.ExitCode}: {(await error).Trim()}. See journalctl -u for the unit.");
        }

        return await output;
    }

    private System.Diagnostics.Process StartOrThrow(ProcessStartInfo start, string line)
    {
        try
        {
            return System.Diagnostics.Process.Start(start)
                ?? throw new InvalidOperationException($"Could not start {line}. Is systemd installed?");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run {Settings.SystemctlPath} for '{line}': {e.Message}. Is systemd installed?", e);
        }
    }
}
