using System.Diagnostics;

namespace WebOps.Tests.Integration.Swarm;

/// <summary>
/// The two-node Swarm test cluster: two private engines in network namespaces (manager and worker) and a local
/// registry, brought up by <c>scripts/swarm-test-cluster.sh</c> and taken down after the collection, so the host
/// engine and the rest of the suite are never touched. <c>WEBOPS_SWARM_KEEP=1</c> leaves it up between runs.
/// One test run at a time uses the cluster: the fixture holds a file lock from start to end, so two runs on one
/// machine wait for each other instead of changing the cluster under each other.
/// </summary>
public sealed class SwarmClusterFixture : IAsyncLifetime
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(30);
    private const string LockPath = "/tmp/webops-swarm-tests.lock";
    private FileStream? _lock;

    /// <summary>The manager engine (the panel's <c>Docker:Endpoint</c> in Swarm tests).</summary>
    public static string ManagerEndpoint => "unix:///run/webops-swarm/manager.sock";

    /// <summary>The worker engine, for tests that act on the worker (join, stop its engine).</summary>
    public static string WorkerEndpoint => "unix:///run/webops-swarm/worker.sock";

    public static string ManagerAddress => "10.213.0.2";

    public static string WorkerAddress => "10.213.0.3";

    /// <summary>The local registry (<c>Registry:Address</c>), trusted by both engines.</summary>
    public static string Registry => "10.213.0.1:5959";

    public async Task InitializeAsync()
    {
        _lock = await TakeLockAsync();
        await EnsureSwarmAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Environment.GetEnvironmentVariable("WEBOPS_SWARM_KEEP") != "1")
            {
                await RunScriptAsync("down");
            }
        }
        finally
        {
            _lock?.Dispose();
        }
    }

    private static async Task<FileStream> TakeLockAsync()
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux, released when the stream closes or the process ends.
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    /// <summary>Both engines up, the manager a swarm manager and the worker joined (idempotent).</summary>
    public static Task EnsureSwarmAsync() => RunScriptAsync("swarm");

    /// <summary>Both engines up and out of any swarm, for tests that form the cluster themselves.</summary>
    public static async Task LeaveSwarmAsync()
    {
        await RunScriptAsync("up");
        await RunScriptAsync("leave");
    }

    /// <summary>Stops the engine of <paramref name="node"/> (<c>manager</c> or <c>worker</c>) as a server going down would; idempotent.</summary>
    public static Task StopEngineAsync(string node) => RunScriptAsync("stop-engine", node);

    /// <summary>Starts the engine of <paramref name="node"/> again and waits until the manager lists it ready; idempotent.</summary>
    public static Task StartEngineAsync(string node) => RunScriptAsync("start-engine", node);

    private static async Task RunScriptAsync(string command, string? argument = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot(), "scripts", "swarm-test-cluster.sh"));
        start.ArgumentList.Add(command);
        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"swarm-test-cluster.sh {command} did not finish within {ScriptTimeout.TotalMinutes} min: {await stdout}{await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"swarm-test-cluster.sh {command} failed (exit {process.ExitCode}): {await stdout}{await stderr}");
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WebOps.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no WebOps.slnx above {AppContext.BaseDirectory}");
    }
}
