using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;
using WebOps.Tests.Integration.Proxy;

namespace WebOps.Tests.Integration.Faults;

/// <summary>
/// <c>webops serve</c> as a real process with the edge on free ports (it starts its own Caddy), extra variables and
/// settings, which a test can SIGKILL at any moment and start again on the same data folder. Its output is kept.
/// </summary>
internal sealed class FaultPanel : IAsyncDisposable
{
    private readonly List<string> output = [];
    private string[] args;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    private FaultPanel(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        this.args = args;
        this.environment = environment;
    }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "webops-fault-" + Guid.NewGuid().ToString("N")[..8]);

    public int Port { get; } = DockerTestKit.FreePort();

    public int AdminPort { get; } = DockerTestKit.FreePort();

    public int HttpPort { get; } = DockerTestKit.FreePort();

    public HttpClient Api { get; private set; } = new();

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

    public static async Task<FaultPanel> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var panel = new FaultPanel(args, environment);
        try
        {
            var (code, token, error) = await WebOpsCli.RunAsync("token", "create", "--name", "fault-test", "--data", panel.DataFolder);
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

    /// <summary>Starts the panel (again) on its data folder and waits until it answers; <paramref name="settings"/> replace the first start's.</summary>
    public async Task StartAgainAsync(params string[] settings)
    {
        if (settings.Length > 0)
        {
            args = settings;
        }

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
            "--Logging:LogLevel:Default=Warning", "--Proxy:Enabled=true", $"--Proxy:AdminAddress=127.0.0.1:{AdminPort}",
            $"--Proxy:HttpPort={HttpPort}", $"--Proxy:HttpsPort={DockerTestKit.FreePort()}", .. args,
        ];
        foreach (var a in all)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
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

    /// <summary>The deployment's log as one text.</summary>
    public async Task<string> LogAsync(string name) =>
        string.Join('\n', (await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/logs")).EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()));

    /// <summary>Waits (bounded) until the deployment's log holds <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string name, string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!(await LogAsync(name)).Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The log of {name} did not show '{text}' within {limit.TotalSeconds:0} s:\n{await LogAsync(name)}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        EdgeProcess.KillByPidFile(Path.Combine(DataFolder, "proxy", "caddy.pid"));
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
