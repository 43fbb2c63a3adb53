using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Browser;

/// <summary>
/// The real panel (<c>webops serve</c>) as a child process on a free loopback port with its own data folder,
/// logged into with the one-time admin password it prints on first start.
/// </summary>
public sealed class PanelProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);
    private readonly Process process;
    private readonly Queue<string> recent = new();
    private readonly TaskCompletionSource<string> password = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool passwordNext;

    private PanelProcess(Process process, Uri baseAddress, string dataFolder)
    {
        this.process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public string AdminPassword { get; private set; } = "";

    /// <summary>The last lines the panel printed, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (recent)
            {
                return string.Join('\n', recent);
            }
        }
    }

    /// <summary>
    /// Starts the panel. Another process may take the free port between choosing and binding it; then the panel
    /// exits and a new port is tried, so the health check never talks to someone else's server.
    /// </summary>
    public static async Task<PanelProcess> StartAsync(params string[] extraArgs)
    {
        for (var attempt = 1; ; attempt++)
        {
            var panel = Launch(Infrastructure.TestPorts.Free(), extraArgs);
            try
            {
                await panel.WaitReadyAsync();
                return panel;
            }
            catch (InvalidOperationException) when (attempt < 3 && panel.RecentOutput.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await panel.DisposeAsync();
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                var output = panel.RecentOutput;
                await panel.DisposeAsync();
                throw new InvalidOperationException($"The panel did not start within {StartLimit.TotalSeconds:0} s: {e.Message}\n{output}", e);
            }
        }
    }

    private static PanelProcess Launch(int port, string[] extraArgs)
    {
        var data = Path.Combine(Path.GetTempPath(), "webops-ui-" + Guid.NewGuid().ToString("N")[..8]);
        var psi = WebOpsCli.StartInfo(
        [
            "serve", "--urls", $"http://127.0.0.1:{port}", "--data", data,
            "--Deployments:AllowLocalRepos=true",
            "--Docker:StaticBaseImage=" + (Environment.GetEnvironmentVariable("WEBOPS_TEST_IMAGE_NGINX") ?? "webops-test/nginx:1"),
            "--Docker:PythonBaseImage=" + (Environment.GetEnvironmentVariable("WEBOPS_TEST_IMAGE_PYTHON") ?? "webops-test/python-django:1"),
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning", .. extraArgs,
        ]);
        var panel = new PanelProcess(new Process { StartInfo = psi }, new Uri($"http://127.0.0.1:{port}"), data);
        panel.process.OutputDataReceived += (_, e) => panel.OnLine(e.Data);
        panel.process.ErrorDataReceived += (_, e) => panel.OnLine(e.Data);
        panel.process.Start();
        panel.process.StandardInput.Close();
        panel.process.BeginOutputReadLine();
        panel.process.BeginErrorReadLine();
        return panel;
    }

    /// <summary>Ready when this process printed the password, says it listens on its port, and answers /healthz.</summary>
    private async Task WaitReadyAsync()
    {
        var exited = process.WaitForExitAsync();
        var ready = Task.WhenAll(password.Task, listening.Task);
        if (await Task.WhenAny(ready, exited, Task.Delay(StartLimit)) != ready)
        {
            throw process.HasExited
                ? new InvalidOperationException($"webops serve exited with code {process.ExitCode}.")
                : new TimeoutException("webops serve printed no admin password or listening address.");
        }

        AdminPassword = await password.Task;
        await WaitHealthyAsync();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (recent)
        {
            recent.Enqueue(line);
            if (recent.Count > 200)
            {
                recent.Dequeue();
            }
        }

        if (line.Contains("Now listening on: " + BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal))
        {
            listening.TrySetResult();
        }

        // The password is printed on the line after the one that names the admin user.
        if (passwordNext && line.Trim().Length > 0)
        {
            passwordNext = false;
            password.TrySetResult(line.Trim());
        }
        else if (line.Contains("log in as 'admin'", StringComparison.Ordinal))
        {
            passwordNext = true;
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"webops serve exited with code {process.ExitCode}.");
            }

            try
            {
                // "starting": listening, but start-up recovery still runs.
                using var healthz = await client.GetAsync("/healthz");
                if (healthz.StatusCode == HttpStatusCode.OK && !(await healthz.Content.ReadAsStringAsync()).Contains("\"status\":\"starting\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow first answer; ask again.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"/healthz did not answer 200 within {StartLimit.TotalSeconds:0} s.");
    }


    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await process.WaitForExitAsync(limit.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: what is left sits in the temp folder.
        }
    }
}
