using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Addons.Docker;
using WebOps.Core.Deployments;
using WebOps.Core.Detection;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Integration.Docker;

/// <summary>
/// One test's world: a unique deployment name, a repository folder, the Docker addon wired as the panel wires it,
/// and a raw engine client to check results. Everything labelled with the name is removed on dispose, also after failures.
/// </summary>
public sealed class DockerTestKit : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public DockerTestKit(IDictionary<string, string?>? settings = null)
    {
        RepoPath = Directory.CreateTempSubdirectory($"webops-{Name}-").FullName;
        var configuration = new Dictionary<string, string?>
        {
            ["Docker:Endpoint"] = DockerAvailability.Endpoint,
            ["Docker:StaticBaseImage"] = TestImages.Nginx,
            ["Docker:PythonBaseImage"] = TestImages.Python,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        services = new ServiceCollection()
            .AddLogging()
            .AddDockerAddon(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .BuildServiceProvider();
        Client = new DockerClientBuilder().WithEndpoint(new Uri(DockerAvailability.Endpoint)).Build();
    }

    public string Name { get; } = $"t-{Guid.NewGuid():N}"[..10];

    public string RepoPath { get; }

    /// <summary>An engine client apart from the code under test, for checks and cleanup.</summary>
    public DockerClient Client { get; }

    public IAppRuntime Runtime => services.GetServices<IAppRuntime>().Single(r => r.GetType().Name == "DockerAppRuntime");

    public IHookHandler Handler(string name) => services.GetServices<IHookHandler>().Single(h => h.Name == name);

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(RepoPath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public DeploymentSnapshot Snapshot(int port = 80, int runId = 1) => new()
    {
        Id = 1,
        Name = Name,
        RepoUrl = RepoPath,
        Branch = "main",
        ProjectType = ProjectType.Static,
        Port = port,
        HostPort = FreePort(),
        UseDocker = true,
        ImageName = $"webops/{Name}:latest",
        ContainerName = $"webops-{Name}",
        DeployRunId = runId,
    };

    public HookContext Context(HookEvent hookEvent, DeploymentSnapshot deployment, DetectionResult? detection, ListLog log) => new()
    {
        Event = hookEvent,
        Deployment = deployment,
        CheckoutPath = hookEvent == HookEvent.HealthCheck ? null : RepoPath,
        Detection = detection,
        Log = log,
    };

    /// <summary>Runs the deploy hooks as the orchestrator does: pre_deployment, then (if it passed) post_deployment.</summary>
    public async Task<(HookResult Result, HookContext Post, ListLog Log)> DeployAsync(
        DeploymentSnapshot deployment, DetectionResult detection, CancellationToken cancellationToken = default)
    {
        var log = new ListLog();
        var pre = await Handler("docker.prepare").ExecuteAsync(Context(HookEvent.PreDeployment, deployment, detection, log), cancellationToken);
        var post = Context(HookEvent.PostDeployment, deployment, detection, log);
        if (!pre.Succeeded)
        {
            return (pre, post, log);
        }

        return (await Handler("docker.build_and_run").ExecuteAsync(post, cancellationToken), post, log);
    }

    public async Task<IList<ContainerListResponse>> LabelledContainersAsync() =>
        await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = LabelFilter() }, default);

    public async Task<IList<ImagesListResponse>> LabelledImagesAsync() =>
        await Client.Images.ListImagesAsync(new ImagesListParameters { Filters = LabelFilter() }, default);

    public async Task<ContainerInspectResponse> InspectAsync(string container) =>
        await Client.Containers.InspectContainerAsync(container, default);

    /// <summary>GET through the published port; the hook only reports success once the port answers.</summary>
    public static async Task<string> GetAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await http.GetStringAsync(new Uri(url));
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            foreach (var container in await LabelledContainersAsync())
            {
                await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, timeout.Token);
            }

            foreach (var image in await LabelledImagesAsync())
            {
                await Client.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, timeout.Token);
            }
        }
        catch (DockerApiException)
        {
            // Already gone (e.g. removed by the test itself).
        }
        finally
        {
            Client.Dispose();
            await services.DisposeAsync();
            Directory.Delete(RepoPath, recursive: true);
        }
    }

    private Dictionary<string, IDictionary<string, bool>> LabelFilter() =>
        new() { ["label"] = new Dictionary<string, bool> { [$"webops.deployment={Name}"] = true } };
}
