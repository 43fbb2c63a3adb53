using System.Diagnostics;

namespace WebOps.Hosting;

/// <summary>
/// How long the panel took to start, by phase, logged once as one line when it first can answer requests (the server
/// listens and the database is ready): "started in X ms (host Y; side by side: server W, database Z)". Host is process
/// start to a built host (runtime, service registration, pages); then the server's start (Kestrel, the request
/// pipeline) and the start-up tasks (database, first admin) run side by side, and the slower of the two ends the start.
/// Kept in the product so a slow start can be told apart on any machine. A second line says when the work that
/// follows (<see cref="AfterListening"/>) has finished.
/// </summary>
public sealed class StartupTimings
{
    private readonly long processStartMs = ProcessAgeMs();
    private readonly Stopwatch sinceBuild = Stopwatch.StartNew();
    private long hostBuiltMs = -1;
    private long tasksStartMs = -1;
    private long tasksEndMs = -1;
    private long listeningMs = -1;
    private long startedMs = -1;
    private long recoveredMs = -1;

    /// <summary>Milliseconds since the process started, when the host is built.</summary>
    public void HostBuilt() => hostBuiltMs = Now();

    public void TasksStarting() => tasksStartMs = Now();

    public void TasksFinished() => tasksEndMs = Now();

    /// <summary>The server listens.</summary>
    public void Listening() => listeningMs = Now();

    public void RecoveryFinished() => recoveredMs = Now();

    /// <summary>The line for the moment the panel first can answer: the server listens and the database is ready.</summary>
    public string Summary()
    {
        startedMs = Now();
        var host = hostBuiltMs < 0 ? startedMs : hostBuiltMs;
        var server = listeningMs < 0 ? 0 : listeningMs - host;
        var database = tasksEndMs < 0 || tasksStartMs < 0 ? 0 : tasksEndMs - tasksStartMs;
        return Format(startedMs, host, server, database);
    }

    /// <summary>The line for the moment the work after that has finished.</summary>
    public string RecoverySummary()
    {
        var done = recoveredMs < 0 ? Now() : recoveredMs;
        return FormatRecovery(done, startedMs < 0 ? 0 : done - startedMs);
    }

    /// <summary>The second logged line; pure so its wording is pinned by a test.</summary>
    public static string FormatRecovery(long total, long afterStart) =>
        $"start-up finished in {total} ms ({afterStart} after that: addons, recovery, workers)";

    /// <summary>The logged text; pure so its wording is pinned by a test.</summary>
    public static string Format(long total, long host, long server, long database) =>
        $"started in {total} ms (host {host}; side by side: server {server}, database {database})";

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
