using System.ComponentModel;
using System.Diagnostics;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>Starts the edge test programs (caddy, pebble, openssl); a missing one fails the test naming its package.</summary>
internal static class EdgeProcess
{
    public static Process Start(string program, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        try
        {
            var process = Process.Start(psi)!;
            process.StandardInput.Close();
            return process;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"Could not run '{program}' ({e.Message}): the edge tests need the Debian packages caddy, pebble and openssl; run scripts/install-test-deps.sh.", e);
        }
    }

    /// <summary>Ends a process this test started, by its id, and waits for it.</summary>
    public static void Kill(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    /// <summary>Kills the process whose id a pid file holds (a Caddy the panel started in its own session).</summary>
    public static void KillByPidFile(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // No such process any more.
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    public static async Task<string> RunAsync(string program, string workingDirectory, params string[] args)
    {
        using var process = Start(program, args, workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
