using System.Net.Http.Json;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;
using WebOps.Tests.Integration.Docker;
using WebOps.Tests.Integration.Infrastructure;

namespace WebOps.Tests.Integration.Health;

/// <summary>
/// The real panel with one busybox app deployed through the API. The app's shell keeps the container alive when
/// its httpd is killed, so tests can make the app stop answering while the container still runs. Everything the
/// test made (deployment, containers, images, repository, data folder) is removed on dispose, also after failures.
/// </summary>
public sealed class HealthPanel : IAsyncDisposable
{
    public const string Page = "health test page";

    private HealthPanel(PanelApp panel, HttpClient api, GitRepo repo, string name)
    {
        Panel = panel;
        Api = api;
        Repo = repo;
        Name = name;
    }

    public PanelApp Panel { get; }

    public HttpClient Api { get; }

    public GitRepo Repo { get; }

    public string Name { get; }

    public DockerClient Docker { get; } = new DockerClientBuilder().WithEndpoint(new Uri(DockerAvailability.Endpoint)).Build();

    public static async Task<HealthPanel> DeployAsync(params string[] panelArgs)
    {
        var name = $"h-{Guid.NewGuid():N}"[..10];
        var repo = await GitRepo.CreateAsync(
            ("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY index.html /www/index.html\nEXPOSE 8080\n"
                + "CMD [\"sh\", \"-c\", \"httpd -p 8080 -h /www; while true; do sleep 3600; done\"]\n"),
            ("index.html", Page));
        var panel = await PanelApp.StartAsync(panelArgs);
        var api = await panel.WithTokenAsync();
        var health = new HealthPanel(panel, api, repo, name);
        try
        {
            var created = await api.PostAsJsonAsync("/api/deployments", new
            {
                name,
                repo_url = repo.Url,
                project_type = "static",
                port = 8080,
                use_docker = true,
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await health.WaitForAsync(d => d.GetProperty("status").GetString() is "running" or "failed", "running or failed");
            var status = (await health.DeploymentAsync()).GetProperty("status").GetString();
            Assert.True(status == "running", $"deploy of {name} ended {status}: {await health.LogTextAsync()}\naddons: {await api.GetStringAsync("/api/addons")}");
            return health;
        }
        catch
        {
            await health.DisposeAsync();
            throw;
        }
    }

    public async Task<JsonElement> DeploymentAsync() =>
        await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{Name}");

    public async Task<JsonElement> HealthAsync() =>
        await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{Name}/health");

    public async Task<string> WaitForHealthAsync(string health, TimeSpan? limit = null) =>
        (await WaitForAsync(d => d.GetProperty("health").GetString() == health, $"health {health}", limit)).GetProperty("health").GetString()!;

    /// <summary>Polls GET /api/deployments/{name} until the condition holds; fails with the last state and log.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(90));
        JsonElement last;
        do
        {
            last = await DeploymentAsync();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{Name} never reached {what}; last state {last}; health {await HealthAsync()}; log: {await LogTextAsync()}");
        return last;
    }

    /// <summary>Polls GET /api/deployments/{name}/health until the condition holds.</summary>
    public async Task<JsonElement> WaitForHealthHistoryAsync(Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement last;
        do
        {
            last = await HealthAsync();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{Name} never showed {what}; last health {last}; log: {await LogTextAsync()}");
        return last;
    }

    public async Task<string> LogTextAsync()
    {
        var lines = await Api.GetFromJsonAsync<JsonElement>($"/api/deployments/{Name}/logs");
        var items = lines.ValueKind == JsonValueKind.Array ? lines : lines.GetProperty("lines");
        return string.Join("\n", items.EnumerateArray().Select(l => l.GetProperty("message").GetString()));
    }

    /// <summary>
    /// Waits (bounded) until the deployment log holds <paramref name="text"/>: the health change is saved before its log
    /// line, which the log sink writes in its next batch, so the line may come a moment after the API shows the health.
    /// </summary>
    public async Task<string> WaitForLogAsync(string text, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        var log = await LogTextAsync();
        while (!log.Contains(text, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            log = await LogTextAsync();
        }

        return log;
    }

    public async Task<string> ContainerIdAsync() =>
        (await Docker.Containers.InspectContainerAsync($"webops-{Name}", default)).ID;

    /// <summary>Runs a command inside the app's container and waits for it to finish.</summary>
    public async Task ExecAsync(params string[] command)
    {
        var exec = await Docker.Exec.CreateContainerExecAsync(
            await ContainerIdAsync(), new ContainerExecCreateParameters { Cmd = command, AttachStdout = true, AttachStderr = true }, default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var output = await Docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), timeout.Token);
        var (stdout, stderr) = await output.ReadOutputToEndAsync(timeout.Token);
        var result = await Docker.Exec.InspectContainerExecAsync(exec.ID, timeout.Token);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)} exited {result.ExitCode}: {stdout}{stderr}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Api.DeleteAsync($"/api/deployments/{Name}?removeImages=true");
        }
        catch (HttpRequestException)
        {
            // The panel may be down after a failed test; the engine cleanup below still runs.
        }

        var labelled = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"webops.deployment={Name}"] = true },
        };
        try
        {
            foreach (var c in await Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = labelled }))
            {
                await Docker.Containers.RemoveContainerAsync(c.ID, new ContainerRemoveParameters { Force = true });
            }

            foreach (var image in await Docker.Images.ListImagesAsync(new ImagesListParameters { Filters = labelled }))
            {
                await Docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true });
            }
        }
        catch (DockerApiException)
        {
            // Already gone.
        }

        Api.Dispose();
        Docker.Dispose();
        await Panel.DisposeAsync();
        Directory.Delete(Repo.Path, recursive: true);
    }
}
