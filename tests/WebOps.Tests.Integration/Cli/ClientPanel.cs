using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using WebOps.Tests.Integration.Browser;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Cli;

/// <summary>
/// A real panel (<c>webops serve</c> as a child process) with an API token made by <c>webops token create</c>, for
/// running the client verbs against. Each run gets its own config folder, so no test reads a saved login it did
/// not write, and none sees the machine user's.
/// </summary>
public sealed class ClientPanel : IAsyncLifetime
{
    private readonly List<string> folders = [];

    public PanelProcess Panel { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public HttpClient Api { get; private set; } = null!;

    public string Url => Panel.BaseAddress.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        Panel = await PanelProcess.StartAsync();
        var (code, stdout, stderr) = await WebOpsCli.RunAsync("token", "create", "--name", "cli-tests", "--data", Panel.DataFolder);
        Assert.True(code == 0, stderr);
        Token = stdout.Trim();
        Api = new HttpClient { BaseAddress = Panel.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    /// <summary>A static site deployment run as a process (no Docker); returns once its first deploy ended.</summary>
    public async Task<string> CreateStaticSiteAsync(string prefix, string branch = "main")
    {
        var name = prefix + "-" + Guid.NewGuid().ToString("N")[..6];
        var repo = await GitRepo.CreateAsync(("index.html", $"<!doctype html><h1>{name}</h1>"));
        folders.Add(repo.Path);
        var created = await Api.PostAsJsonAsync("/api/deployments",
            new { name, repo_url = repo.Url, branch, project_type = "static", use_docker = false });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        await DeployWait.ForRunEndAsync(Api, name, minutes: 3);
        return name;
    }

    /// <summary>A new empty config folder (XDG_CONFIG_HOME) for a run that should find no saved login, or its own.</summary>
    public string NewConfigHome()
    {
        var path = Path.Combine(Path.GetTempPath(), "webops-cli-config-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        folders.Add(path);
        return path;
    }

    /// <summary>Runs <c>webops ARGS</c> to its end with stdin closed and stdout/stderr redirected (not a terminal).</summary>
    public async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var p = Process.Start(StartInfo(environment, args))!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(limit.Token);
        return new CliRun(p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a client verb with this panel's URL and token (given through WEBOPS_TOKEN) and an empty config folder.</summary>
    public Task<CliRun> RunClientAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string?> { ["WEBOPS_TOKEN"] = Token, ["XDG_CONFIG_HOME"] = NewConfigHome() }, [.. args, "--url", Url]);

    public ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var psi = WebOpsCli.StartInfo(args);
        psi.Environment.Remove("WEBOPS_TOKEN");
        psi.Environment["XDG_CONFIG_HOME"] = NewConfigHome();
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        return psi;
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Panel is not null)
        {
            await Panel.DisposeAsync();
        }

        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: what is left sits in the temp folder.
            }
        }
    }
}
