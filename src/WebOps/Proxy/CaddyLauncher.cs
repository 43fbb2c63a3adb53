using System.Diagnostics;
using System.Globalization;
using WebOps.Addons.Process;
using WebOps.Addons.Process.Supervision;

namespace WebOps.Proxy;

/// <summary>
/// Starts Caddy as its own long-lived process: its own session (setsid), so it keeps serving the apps while the
/// panel restarts or stops. Config, pid file and log live in the proxy folder.
/// </summary>
public sealed class CaddyLauncher(ProxyFolder folder)
{
    /// <summary>The caddy executable: <paramref name="caddyPath"/> itself when it holds a '/', else looked up on PATH.</summary>
    public static string? Find(string caddyPath)
    {
        if (string.IsNullOrWhiteSpace(caddyPath))
        {
            return null;
        }

        if (caddyPath.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(caddyPath) ? Path.GetFullPath(caddyPath) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, caddyPath))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The pid a Caddy pid file holds; null when there is no file or no number in it.</summary>
    public static int? ReadPid(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether process <paramref name="pid"/> runs. A killed child of the panel stays a zombie until reaped, so on
    /// Linux the state in <c>/proc</c> decides; elsewhere, whether the process can be found.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                // "pid (comm) S ...": the state follows the last ')' (the name may hold one).
                var state = text[(text.LastIndexOf(')') + 1)..].TrimStart();
                return state.Length > 0 && state[0] is not ('Z' or 'X');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="configJson"/> as Caddy's start-up config and starts Caddy on it; returns its pid.</summary>
    public int Start(string caddy, string configJson)
    {
        folder.SaveConfig(configJson);
        var command = AppCommand.Build(
            caddy, ["run", "--config", folder.ConfigFile, "--pidfile", folder.PidFile], folder.LogFile, folder.LogFile, AppCommand.SetsidPath);
        // Caddy's own files (autosave, instance id) stay in the proxy folder, not in the panel user's home.
        var start = AppCommand.StartInfo(command, folder.Path, new Dictionary<string, string>
        {
            ["HOME"] = folder.Path,
            ["XDG_CONFIG_HOME"] = folder.Path,
            ["XDG_DATA_HOME"] = folder.Path,
        });
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{caddy}': the process did not start.");
        return process.Id;
    }
}
