using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Faults;

/// <summary>
/// A Docker engine of the test's own, which it may kill and start again without touching the shared one: its own
/// socket, data, exec root and pid file, and its own bridge (not <c>--bridge=none</c>, which would delete the shared
/// engine's <c>docker0</c>), with the busybox test image loaded. Everything is removed on dispose, also after a failure.
/// </summary>
internal sealed class PrivateEngine : IAsyncDisposable
{
    private readonly string bridge = "wof" + Guid.NewGuid().ToString("N")[..8];
    private readonly string subnet = $"10.219.{Random.Shared.Next(1, 250)}";
    private Process? daemon;

    private PrivateEngine()
    {
    }

    /// <summary>Short, so the socket path stays within the 108 characters a unix socket allows.</summary>
    public string Folder { get; } = Path.Combine("/tmp", "wof-" + Guid.NewGuid().ToString("N")[..8]);

    public string Endpoint => $"unix://{Folder}/docker.sock";

    public DockerClient Client() => new DockerClientBuilder().WithEndpoint(new Uri(Endpoint)).Build();

    /// <summary>Starts the engine and loads the busybox image; fails loudly with the daemon's log if it cannot.</summary>
    public static async Task<PrivateEngine> StartAsync()
    {
        var engine = new PrivateEngine();
        try
        {
            Directory.CreateDirectory(engine.Folder);
            await RunAsync("ip", "link", "add", engine.bridge, "type", "bridge");
            await RunAsync("ip", "addr", "add", $"{engine.subnet}.1/24", "dev", engine.bridge);
            await RunAsync("ip", "link", "set", engine.bridge, "up");
            await engine.StartAgainAsync();
            await RunAsync("sh", "-c", "docker save \"$1\" | docker -H \"$2\" load", "sh", TestImages.Busybox, engine.Endpoint);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the daemon (again) on the same folders and waits until it answers a ping.</summary>
    public async Task StartAgainAsync()
    {
        // A killed daemon leaves its pid file (the next one refuses to start beside it) and its containerd running.
        await KillByPidFilesAsync();
        var psi = new ProcessStartInfo("dockerd") { RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false };
        foreach (var a in new[]
        {
            "--host", Endpoint, "--data-root", $"{Folder}/data", "--exec-root", $"{Folder}/exec", "--pidfile", $"{Folder}/docker.pid",
            "--bridge", bridge, "--iptables=false", "--ip6tables=false", "--log-level", "warn",
        })
        {
            psi.ArgumentList.Add(a);
        }

        daemon = Process.Start(psi)!;
        using var client = Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var ping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.System.PingAsync(ping.Token);
                return;
            }
            catch (Exception e) when (e is not DockerApiException && DateTime.UtcNow < deadline && !daemon.HasExited)
            {
                await Task.Delay(100);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"The private Docker engine at {Endpoint} did not answer (exited: {daemon.HasExited}): {e.Message}", e);
            }
        }
    }

    /// <summary>SIGKILL to the daemon, as a crash or an OOM kill would end it; returns once it is gone.</summary>
    public async Task KillAsync()
    {
        if (daemon is null)
        {
            return;
        }

        daemon.Kill();
        await daemon.WaitForExitAsync();
        daemon.Dispose();
        daemon = null;
    }

    /// <summary>SIGTERM to the daemon, as a service manager's restart sends it: it stops its containers, then exits.</summary>
    public async Task StopAsync()
    {
        if (daemon is null)
        {
            return;
        }

        await RunAsync("kill", "-TERM", daemon.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await daemon.WaitForExitAsync(limit.Token);
        daemon.Dispose();
        daemon = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (daemon is { HasExited: false })
            {
                using var client = Client();
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                foreach (var c in await client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, limit.Token))
                {
                    await client.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true }, limit.Token);
                }

                daemon.Kill(); // SIGTERM is not offered by Process; the folders go anyway
                await daemon.WaitForExitAsync(limit.Token);
            }
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or OperationCanceledException or IOException or TimeoutException)
        {
            // Best effort: the engine is killed below by its pid file, and its folders removed.
        }

        await KillByPidFilesAsync();
        daemon?.Dispose();
        await RunAsync("sh", "-c", "grep -o \" $1[^ ]*\" /proc/mounts | sort -r | xargs -r -n1 umount -l; rm -rf \"$1\"; ip link del \"$2\"; true", "sh", Folder, bridge);
    }

    /// <summary>Ends a daemon and its containerd by their pid files, and deletes the files.</summary>
    private async Task KillByPidFilesAsync()
    {
        foreach (var pidFile in new[] { $"{Folder}/docker.pid", $"{Folder}/exec/containerd/containerd.pid" })
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid))
            {
                try
                {
                    using var p = Process.GetProcessById(pid);
                    p.Kill();
                    await p.WaitForExitAsync();
                }
                catch (ArgumentException)
                {
                    // Gone already.
                }
            }

            if (File.Exists(pidFile))
            {
                File.Delete(pidFile);
            }
        }
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await p.WaitForExitAsync(limit.Token);
        await stdout;
        Assert.True(p.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {p.ExitCode}: {await stderr}");
    }
}
