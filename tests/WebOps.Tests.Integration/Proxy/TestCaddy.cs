using System.Diagnostics;
using WebOps.Tests.Integration.Docker;

namespace WebOps.Tests.Integration.Proxy;

/// <summary>
/// A Caddy the test starts itself, admin API only, on free ports: the panel finds it answering and pushes its config.
/// <see cref="RestartAsync"/> kills it and starts a fresh, empty one on the same ports, as a crash and restart would.
/// </summary>
internal sealed class TestCaddy : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "webops-caddy-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> errors = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> loadTimes = new();
    private Process? process;
    private bool unchanged;
    private int loads;

    public int AdminPort { get; } = DockerTestKit.FreePort();

    public int HttpPort { get; } = DockerTestKit.FreePort();

    public int HttpsPort { get; } = DockerTestKit.FreePort();

    /// <summary>The slot health file server's port, set apart: the default (admin port plus one) may be taken here.</summary>
    public int SlotHealthPort { get; } = DockerTestKit.FreePort();

    public string AdminAddress => $"127.0.0.1:{AdminPort}";

    /// <summary>How many configs Caddy has loaded and put to work (a load of an unchanged config does not count).</summary>
    public int Loads => Volatile.Read(ref loads);

    /// <summary>When Caddy finished each of the last 20 counted loads (<see cref="Loads"/>), oldest first: <c>15:40:54.761</c>.</summary>
    public IReadOnlyCollection<string> LoadTimes => loadTimes;

    /// <summary>Caddy's logged request errors (its <c>http.log.error</c> lines, e.g. why it answered 502 or 503), oldest first, at most 100.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    /// <summary>The panel's settings that point it at this Caddy.</summary>
    public string[] PanelArgs(params string[] more) =>
    [
        "--Proxy:Enabled=true", $"--Proxy:AdminAddress={AdminAddress}",
        $"--Proxy:HttpPort={HttpPort}", $"--Proxy:HttpsPort={HttpsPort}", $"--Proxy:SlotHealthPort={SlotHealthPort}", .. more,
    ];

    public static async Task<TestCaddy> StartAsync()
    {
        var caddy = new TestCaddy();
        try
        {
            await caddy.StartProcessAsync();
            return caddy;
        }
        catch
        {
            await caddy.DisposeAsync();
            throw;
        }
    }

    public async Task KillAsync()
    {
        EdgeProcess.Kill(process);
        process = null;
        await Task.Delay(100);
    }

    public Task StartAgainAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private async Task StartProcessAsync()
    {
        Directory.CreateDirectory(folder);
        var config = Path.Combine(folder, "empty.json");
        await File.WriteAllTextAsync(config, "{\"admin\":{\"listen\":\"" + AdminAddress + "\",\"config\":{\"persist\":false}}}");
        process = EdgeProcess.Start("caddy", ["run", "--config", config], folder,
            new Dictionary<string, string> { ["HOME"] = folder, ["XDG_CONFIG_HOME"] = folder, ["XDG_DATA_HOME"] = folder });
        // Caddy logs to stderr; drain it so a full pipe never blocks it, keeping what the tests count and show.
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await http.GetStringAsync($"http://{AdminAddress}/config/");
                return;
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>One line of Caddy's log: a real config load is "load complete" not preceded by "config is unchanged".</summary>
    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("\"msg\":\"config is unchanged\"", StringComparison.Ordinal))
        {
            unchanged = true;
        }
        else if (line.Contains("\"msg\":\"load complete\"", StringComparison.Ordinal))
        {
            if (!unchanged)
            {
                Interlocked.Increment(ref loads);
                loadTimes.Enqueue(TimeOf(line));
                while (loadTimes.Count > 20)
                {
                    loadTimes.TryDequeue(out _);
                }
            }

            unchanged = false;
        }
        else if (line.Contains("\"logger\":\"http.log.error\"", StringComparison.Ordinal))
        {
            errors.Enqueue(ErrorOf(line));
            while (errors.Count > 100)
            {
                errors.TryDequeue(out _);
            }
        }
    }

    /// <summary>When and what: <c>15:40:54.761 no upstreams available</c>.</summary>
    private static string ErrorOf(string line) => Field(line, root => $"{Time(root)} {root.GetProperty("msg").GetString()}");

    /// <summary>When: <c>15:40:54.761</c>.</summary>
    private static string TimeOf(string line) => Field(line, Time);

    private static string Time(System.Text.Json.JsonElement root) =>
        $"{DateTimeOffset.UnixEpoch.AddSeconds(root.GetProperty("ts").GetDouble()):HH:mm:ss.fff}";

    private static string Field(string line, Func<System.Text.Json.JsonElement, string> read)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            return read(json.RootElement);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return line.Length > 300 ? line[..300] : line;
        }
    }
}
