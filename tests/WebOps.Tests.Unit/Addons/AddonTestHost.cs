using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Core.Addons;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Processes;

namespace WebOps.Tests.Unit.Addons;

/// <summary>The real addon services over a real folder, wired by hand the way DI wires them.</summary>
public sealed class AddonTestHost
{
    public AddonTestHost(AddonFolder folder, IEnumerable<IHookHandler>? handlers = null, ILoggerFactory? loggers = null, TimeProvider? clock = null)
    {
        Clock = clock ?? TimeProvider.System;
        Handlers = handlers?.ToList() ?? [];
        var factory = loggers ?? NullLoggerFactory.Instance;
        Options = new AddonOptions { Path = folder.Root };
        Discovery = new AddonDiscovery(Options, factory.CreateLogger<AddonDiscovery>());
        Registry = new AddonRegistry(Discovery, Handlers, Store, Clock, factory.CreateLogger<AddonRegistry>());
        Runner = new HookRunner(Registry, Handlers, new ProcessRunner(factory.CreateLogger<ProcessRunner>()), Clock, factory.CreateLogger<HookRunner>());
    }

    public List<IHookHandler> Handlers { get; }

    /// <summary>The clock the registry and the hook runner read, as DI hands them the registered one.</summary>
    public TimeProvider Clock { get; }

    public AddonOptions Options { get; }

    public InMemoryAddonStateStore Store { get; } = new();

    public AddonDiscovery Discovery { get; }

    public AddonRegistry Registry { get; }

    public HookRunner Runner { get; }

    public static async Task<AddonTestHost> StartAsync(AddonFolder folder, params IHookHandler[] handlers)
    {
        var host = new AddonTestHost(folder, handlers);
        await host.Registry.InitializeAsync(CancellationToken.None);
        return host;
    }

    public static HookContext Context(HookEvent hookEvent, RecordingLog log, string? checkout = null) => new()
    {
        Event = hookEvent,
        Log = log,
        CheckoutPath = checkout,
        Deployment = new DeploymentSnapshot
        {
            Id = 7,
            Name = "blog",
            RepoUrl = "https://git.example.com/team/blog.git",
            Branch = "main",
            CommitSha = "3f2a9c1",
            ProjectType = ProjectType.Django,
            Port = 8000,
            HostPort = 49160,
            UseDocker = true,
            ImageName = "webops/blog:latest",
            ContainerName = "webops-blog",
            EnvVars = new Dictionary<string, string> { ["SECRET_KEY"] = "s3cr3t", ["DEBUG"] = "0" },
            DeployRunId = 42,
        },
    };
}
