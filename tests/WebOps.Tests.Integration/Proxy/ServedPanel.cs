using System.Diagnostics;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// <c>webops serve</c> as a real process on a data folder the test keeps, with the edge on free ports and no Caddy
/// running: the panel starts its own. It can be killed (SIGKILL, the panel only: Caddy runs in its own session) and
/// started again on the same data. Its output is kept for the test to read.
/// </summary>
internal sealed class ServedPanel : IAsyncDisposable
{
    private readonly List<string> output = [];
    private readonly string[] args;
    private Process? process;

    private ServedPanel(string data, string[] args)
    {
        DataFolder = data;
        this.args = args;
    }

    public string DataFolder { get; }

    public int Port { get; } = DockerTestKit.FreePort();

    public int AdminPort { get; } = DockerTestKit.FreePort();

    public int HttpPort { get; } = DockerTestKit.FreePort();

    public int HttpsPort { get; } = DockerTestKit.FreePort();

    /// <summary>Set apart, and kept across restarts: the default (admin port plus one) may be taken here.</summary>
    public int SlotHealthPort { get; } = DockerTestKit.FreePort();

    public string CaddyPidFile => Path.Combine(DataFolder, "proxy", "caddy.pid");

    /// <summary>A client for the panel's API with a token made by <c>webops token create</c>.</summary>
    public HttpClient Api { get; private set; } = new();

    /// <summary>Everything the panel wrote to stdout and stderr, over all its runs.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    /// <summary>Waits (bounded) until the panel's output holds <paramref name="text"/>; fails with the output.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The panel did not log '{text}' within {limit.TotalSeconds:0} s:\n{Output}");
            await Task.Delay(100);
        }
    }

    public static async Task<ServedPanel> StartAsync(params string[] args)
    {
        var panel = new ServedPanel(Path.Combine(Path.GetTempPath(), "webops-served-" + Guid.NewGuid().ToString("N")[..8]), args);
        try
        {
            var (code, token, error) = await WebOpsCli.RunAsync("token", "create", "--name", "edge-test", "--data", panel.DataFolder);
            Assert.True(code == 0, $"webops token create exited {code}: {error}");
            panel.Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{panel.Port}"), Timeout = TimeSpan.FromSeconds(30) };
            panel.Api.DefaultRequestHeaders.Authorization = new("Bearer", token.Trim());
            await panel.StartAgainAsync();
            return panel;
        }
        catch
        {
            await panel.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the panel (again) on its data folder and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        string[] all =
        [
            WebOpsCli.Dll, "serve", "--data", DataFolder, "--urls", $"http://127.0.0.1:{Port}", "--Deployments:AllowLocalRepos=true",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:WebOps.Proxy=Information",
            "--Proxy:Enabled=true", $"--Proxy:AdminAddress=127.0.0.1:{AdminPort}", $"--Proxy:HttpPort={HttpPort}", $"--Proxy:HttpsPort={HttpsPort}", $"--Proxy:SlotHealthPort={SlotHealthPort}",
            .. args,
        ];
        foreach (var a in all)
        {
            psi.ArgumentList.Add(a);
        }

        process = WebOpsCli.Start(psi, Keep);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                using var healthz = await http.GetAsync($"http://127.0.0.1:{Port}/healthz");
                // "starting": listening, but start-up recovery (e.g. of releases a killed panel left) still runs.
                if (healthz.IsSuccessStatusCode && !(await healthz.Content.ReadAsStringAsync()).Contains("\"status\":\"starting\"", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            Assert.True(DateTime.UtcNow < deadline && !process.HasExited, $"webops serve did not answer within 2 minutes:\n{Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL to the panel process alone, as an OOM kill or a crash would end it.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        // The Caddy the panel started lives in its own session: end it by its pid.
        EdgeProcess.KillByPidFile(CaddyPidFile);
        Api.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: what is left is in the temp folder.
        }
    }

    private void Keep(string line)
    {
        lock (output)
        {
            output.Add(line);
        }
    }
}
