using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Addons.Docker;
using WebOps.Core.Addons;
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
            // The addons shipped with the panel (copied beside the tests); the process addon's handlers are not
            // registered here, so discovery marks it invalid and only the Docker addon's hooks run.
            ["Addons:Path"] = Path.Combine(AppContext.BaseDirectory, "addons"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(config)
            .AddSingleton<IAddonStateStore, MemoryAddonStateStore>()
            .AddAddonSystem()
            .AddDockerAddon(config)
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

    /// <summary>A Docker deployment of the repository folder, as the panel stores it, on a free loopback port.</summary>
    public Deployment Deployment(int port = 80, Action<Deployment>? configure = null)
    {
        var deployment = new Deployment
        {
            Id = 1,
            Name = Name,
            RepoUrl = RepoPath,
            Branch = "main",
            ProjectType = ProjectType.Static,
            Port = port,
            HostPort = FreePort(),
            UseDocker = true,
        };
        configure?.Invoke(deployment);
        return deployment;
    }

    /// <summary>The view of a deployment that runtime actions (start, stop, logs) get: no deploy run.</summary>
    public DeploymentSnapshot Snapshot(int port = 80) => SnapshotFactory.From(Deployment(port));

    /// <summary>A post_deployment context for driving one piece of the Docker addon (e.g. the container swap) alone.</summary>
    public HookContext PostDeploymentContext(DeploymentSnapshot deployment, ListLog log) =>
        new() { Event = HookEvent.PostDeployment, Deployment = deployment, CheckoutPath = RepoPath, Log = log };

    /// <summary>What the health monitor hands health_check hooks: the deployment, no checkout, no plan.</summary>
    public static HookContext HealthContext(DeploymentSnapshot deployment, ListLog log) =>
        new() { Event = HookEvent.HealthCheck, Deployment = deployment, Log = log };

    /// <summary>
    /// Runs a deploy's hook points the way the orchestrator does, through the product's own code: the deploy context
    /// (build plan included) from <see cref="DeployContexts"/>, and pre_deployment then post_deployment through
    /// <see cref="DeployHooks"/> over the real addon registry. Only checkout and detection are left to the test.
    /// </summary>
    public async Task<KitDeploy> DeployAsync(
        Deployment deployment, DetectionResult detection, int runId = 1, CancellationToken cancellationToken = default)
    {
        await EnsureAddonsAsync(cancellationToken);
        var log = new ListLog();
        var context = DeployContexts.Create(deployment, detection, RepoPath, runId, log);
        var hooks = services.GetRequiredService<DeployHooks>();
        if (await hooks.GateAsync(context, cancellationToken) is { } refused)
        {
            return new KitDeploy(null, refused, log, context);
        }

        var (app, failure) = await hooks.StartAsync(context, cancellationToken);
        return new KitDeploy(app, failure, log, context);
    }

    private async Task EnsureAddonsAsync(CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<AddonRegistry>();
        if (registry.Addons.Count == 0)
        {
            await registry.InitializeAsync(cancellationToken);
        }
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

    public static int FreePort() => Infrastructure.TestPorts.Free();

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
