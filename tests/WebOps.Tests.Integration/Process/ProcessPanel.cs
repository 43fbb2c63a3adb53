using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.ProcessAddon;

/// <summary>What the process tests do through the panel's API, and what they look at on the machine.</summary>
internal static class ProcessPanel
{
    private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Creates a deployment without Docker and waits until its first deploy succeeded; returns it.</summary>
    public static async Task<JsonElement> DeployAsync(HttpClient client, string name, GitRepo repo, string type, Dictionary<string, string>? envVars = null)
    {
        var created = await client.PostAsJsonAsync("/api/deployments",
            new { name, repo_url = repo.Url, project_type = type, use_docker = false, env_vars = envVars ?? [] });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            var result = runs.GetArrayLength() > 0 ? runs[0].GetProperty("result").GetString() : null;
            if (result is "succeeded")
            {
                return await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}");
            }

            if (result is "failed")
            {
                Assert.Fail($"Deploy of '{name}' failed:\n{await LogAsync(client, name)}");
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The deploy of '{name}' did not end within 4 minutes:\n{await LogAsync(client, name)}");
    }

    /// <summary>Queues another deploy and waits until that run succeeded.</summary>
    public static async Task RedeployAsync(HttpClient client, string name)
    {
        var queued = await client.PostAsync($"/api/deployments/{name}/deploy", null);
        Assert.True(queued.IsSuccessStatusCode, await queued.Content.ReadAsStringAsync());
        var runId = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/runs");
            var run = runs.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == runId);
            switch (run.GetProperty("result").GetString())
            {
                case "succeeded":
                    return;
                case "failed":
                    Assert.Fail($"Redeploy of '{name}' failed:\n{await LogAsync(client, name)}");
                    break;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The redeploy of '{name}' did not end within 4 minutes.");
    }

    public static async Task<string> LogAsync(HttpClient client, string name)
    {
        var lines = await client.GetFromJsonAsync<JsonElement>($"/api/deployments/{name}/logs");
        return string.Join('\n', lines.EnumerateArray().Select(l => l.GetProperty("message").GetString()));
    }

    public static async Task ActAsync(HttpClient client, string name, string verb)
    {
        var response = await client.PostAsync($"/api/deployments/{name}/{verb}", null);
        Assert.True(response.IsSuccessStatusCode, $"{verb} {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The body at <paramref name="url"/>, or null while nothing answers there.</summary>
    public static async Task<string?> TryGetAsync(string url)
    {
        try
        {
            return await Http.GetStringAsync(url);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    public static async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(url);

    public static bool PortOpen(int port)
    {
        using var tcp = new TcpClient();
        try
        {
            tcp.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after 60 s.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Still not true after 60 s: {what}");
    }

    /// <summary>The pid recorded in the app's pid file, or 0 when there is none.</summary>
    public static int Pid(PanelApp panel, string name)
    {
        var file = Path.Combine(panel.DataFolder, "apps", name, "pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Split(' ')[0], out var pid) ? pid : 0;
    }

    public static bool Alive(int pid) => pid > 0 && File.Exists($"/proc/{pid}/stat")
        && !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');

    /// <summary>Kills what a failed test may have left running (apps live in their own sessions).</summary>
    public static void KillLeftovers(string dataFolder)
    {
        var apps = Path.Combine(dataFolder, "apps");
        if (!Directory.Exists(apps))
        {
            return;
        }

        foreach (var pidFile in Directory.EnumerateFiles(apps, "*pid", SearchOption.AllDirectories))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Split(' ')[0], out var pid))
            {
                try
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }
}
