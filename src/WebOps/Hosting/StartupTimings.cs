using System.Diagnostics;

namespace WebOps.Hosting;

/// <summary>
/// How long the panel took to start, by phase, logged once as one line when the server listens:
/// "started in X ms (host Y, migrations Z, services W)". Host is process start to a built host (runtime, service
/// registration, pages); migrations is the start-up tasks (database, first admin); services is every other hosted
/// service's start before the server listens. Kept in the product so a slow start can be told apart on any machine.
/// A second line says when the work that follows listening (<see cref="AfterListening"/>) has finished.
/// </summary>
public sealed class StartupTimings
{
    private readonly long processStartMs = ProcessAgeMs();
    private readonly Stopwatch sinceBuild = Stopwatch.StartNew();
    private long hostBuiltMs = -1;
    private long tasksStartMs = -1;
    private long tasksEndMs = -1;
    private long listeningMs = -1;
    private long recoveredMs = -1;

    /// <summary>Milliseconds since the process started, when the host is built.</summary>
    public void HostBuilt() => hostBuiltMs = Now();

    public void TasksStarting() => tasksStartMs = Now();

    public void TasksFinished() => tasksEndMs = Now();

    public void RecoveryFinished() => recoveredMs = Now();

    /// <summary>The line for the moment the server listens.</summary>
    public string Summary()
    {
        var now = Now();
        listeningMs = now;
        var host = hostBuiltMs < 0 ? now : hostBuiltMs;
        var migrations = tasksEndMs < 0 || tasksStartMs < 0 ? 0 : tasksEndMs - tasksStartMs;
        var services = now - host - migrations;
        return Format(now, host, migrations, services);
    }

    /// <summary>The line for the moment the work after listening has finished.</summary>
    public string RecoverySummary()
    {
        var done = recoveredMs < 0 ? Now() : recoveredMs;
        return FormatRecovery(done, listeningMs < 0 ? 0 : done - listeningMs);
    }

    /// <summary>The second logged line; pure so its wording is pinned by a test.</summary>
    public static string FormatRecovery(long total, long afterListening) =>
        $"start-up finished in {total} ms ({afterListening} after listening: addons, recovery, workers)";

    /// <summary>The logged text; pure so its wording is pinned by a test.</summary>
    public static string Format(long total, long host, long migrations, long services) =>
        $"started in {total} ms (host {host}, migrations {migrations}, services {services})";

    private long Now() => processStartMs + sinceBuild.ElapsedMilliseconds;

    private static long ProcessAgeMs()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            return (long)(DateTime.Now - self.StartTime).TotalMilliseconds;
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return 0; // the process start time is unknown here: count from building the host
        }
    }
}
