using System.Text;
using Microsoft.Extensions.Options;
using WebOps.Core.Processes;

namespace WebOps.Core.Systemd;

/// <summary>Runs systemctl with an argument list (never a shell line) and a time limit, through <see cref="ProcessRunner"/>.</summary>
public sealed class SystemctlClient(ProcessRunner processes, IOptions<SystemdOptions> options)
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
        var line = $"systemctl {string.Join(' ', arguments)}";
        var output = new StringBuilder();
        ProcessResult result;
        try
        {
            result = await processes.RunAsync(
                new ProcessRequest
                {
                    Program = Settings.SystemctlPath,
                    Arguments = arguments,
                    Timeout = Settings.CommandTimeout,
                    OnLine = l =>
                    {
                        if (!l.IsError)
                        {
                            output.Append(l.Text).Append('\n');
                        }
                    },
                },
                ct);
        }
        catch (ProcessStartException e)
        {
            throw new InvalidOperationException($"Could not run {Settings.SystemctlPath} for '{line}': {e.Reason} Is systemd installed?", e);
        }

        if (result.Cancelled)
        {
            throw new OperationCanceledException(ct);
        }

        if (result.TimedOut)
        {
            throw new TimeoutException($"{line} did not finish within {Settings.CommandTimeout}. Check 'systemctl status' on the host.");
        }

        if (result.ExitCode != 0)
        {
            var error = string.Join('\n', result.TailText(OutputStream.StandardError)).Trim();
            throw new InvalidOperationException($"{line} failed with exit code {result.ExitCode}: {error}. See journalctl -u for the unit.");
        }

        return output.ToString();
    }
}
