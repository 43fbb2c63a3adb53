using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebOps.Addons;
using WebOps.Addons.Process;
using WebOps.Addons.Process.Launch;
using WebOps.Addons.Process.Runtime;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Resources;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Integration.ProcessAddon;

/// <summary>
/// Deployments:Supervisor=systemd with systemd as PID 1, wired as the panel wires the process addon. systemd cannot
/// run here, so systemctl is a script that records its arguments (the protocol boundary) and a listener on the app's
/// port stands in for the app systemd would have started.
/// </summary>
public sealed class SystemdSupervisedAppTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-procunit-").FullName;
    private readonly string name = $"p-{Guid.NewGuid():N}"[..10];
    private readonly string secret = $"s3cret \"quoted\" $HOME-{Guid.NewGuid():N}";

    private string Data => Path.Combine(root, "data");

    private string UnitFolder => Path.Combine(root, "units");

    private string EnvFolder => Path.Combine(root, "env");

    private string CallsFile => Path.Combine(root, "calls.txt");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task App_variables_are_written_only_to_its_0600_environment_file_which_delete_removes()
    {
        await using var services = Services();
        var apps = services.GetRequiredService<ProcessApps>();
        var runtime = services.GetServices<IAppRuntime>().Single(r => r is ProcessAppRuntime);
        var paths = services.GetRequiredService<AppPaths>();
        using var app = new TcpListener(IPAddress.Loopback, 0);
        app.Start();
        var port = ((IPEndPoint)app.LocalEndpoint).Port;
        var current = Directory.CreateDirectory(paths.Current(name)).FullName;
        var spec = LaunchSpecs.Django(paths.Venv(name), venvHasGunicorn: false, current, "mysite.wsgi", port);
        await spec.SaveAsync(paths.LaunchFile(name), default);
        var unitPath = Path.Combine(UnitFolder, $"webops-{name}.service");
        var envPath = Path.Combine(EnvFolder, $"{name}.env");
        // A file left world-readable (by hand, or by an older panel) is replaced, not rewritten in place.
        Directory.CreateDirectory(EnvFolder);
        File.WriteAllText(envPath, "OLD=1\n");
        File.SetUnixFileMode(envPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await apps.StartAsync(name, spec, new Dictionary<string, string> { ["SECRET_KEY"] = secret, ["GREETING"] = "hello" }, default);

        Assert.Equal(["daemon-reload", $"enable --now webops-{name}.service", $"reset-failed webops-{name}.service", $"restart webops-{name}.service"], TakeCalls());
        Assert.Contains($"EnvironmentFile={envPath}", File.ReadAllLines(unitPath));
        Assert.Contains($"SECRET_KEY=\"s3cret \\\"quoted\\\" \\$HOME-{secret[^32..]}\"", File.ReadAllLines(envPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envPath));
        Assert.DoesNotContain("OLD=1", File.ReadAllLines(envPath));
        Assert.Equal([$"{name}.env"], Directory.EnumerateFileSystemEntries(EnvFolder).Select(Path.GetFileName));
        var holders = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains(secret[^32..], StringComparison.Ordinal))
            .ToList();
        Assert.Equal([envPath], holders);

        await runtime.RemoveAsync(Snapshot(port), new RemoveOptions(), default);

        Assert.Equal([$"stop webops-{name}.service", $"disable --now webops-{name}.service", "daemon-reload"], TakeCalls());
        Assert.False(File.Exists(unitPath));
        Assert.False(File.Exists(envPath), "the environment file outlived its deployment");
    }

    [Fact]
    public async Task The_run_hook_reports_an_app_started_as_a_unit_without_a_process_id_of_its_own()
    {
        await using var services = Services();
        var paths = services.GetRequiredService<AppPaths>();
        var run = services.GetServices<IHookHandler>().Single(h => h.Name == "process.run");
        using var app = new TcpListener(IPAddress.Loopback, 0);
        app.Start();
        var port = ((IPEndPoint)app.LocalEndpoint).Port;
        Directory.CreateDirectory(paths.Release(name, 1));
        var context = new HookContext
        {
            Event = HookEvent.PostDeployment,
            Deployment = Snapshot(port) with { DeployRunId = 1 },
            CheckoutPath = root,
            Detection = new WebOps.Core.Detection.DetectionResult { Type = ProjectType.Django, WsgiModule = "mysite.wsgi", Reason = "set by the test" },
            Log = new WebOps.Tests.Integration.Docker.ListLog(),
        };

        var result = await run.ExecuteAsync(context, default);

        Assert.True(result.Succeeded, result.Message);
        var started = Assert.IsType<RunningProcess>(result.App);
        Assert.Null(started.ProcessId);
        Assert.Equal($"http://127.0.0.1:{port}", started.Url);
        Assert.Contains($"enable --now webops-{name}.service", TakeCalls());
    }

    [Fact]
    public async Task A_deploy_writes_the_deployments_limits_and_restart_policy_into_the_unit_and_says_so_in_the_log()
    {
        await using var services = Services();
        var paths = services.GetRequiredService<AppPaths>();
        var run = services.GetServices<IHookHandler>().Single(h => h.Name == "process.run");
        using var app = new TcpListener(IPAddress.Loopback, 0);
        app.Start();
        var port = ((IPEndPoint)app.LocalEndpoint).Port;
        Directory.CreateDirectory(paths.Release(name, 1));
        var log = new WebOps.Tests.Integration.Docker.ListLog();
        var resources = new ResourceSettings { MemoryLimit = "64m", CpuLimit = 0.5m, PidsLimit = 40, RestartPolicy = "on-failure:2" };
        var context = new HookContext
        {
            Event = HookEvent.PostDeployment,
            Deployment = Snapshot(port) with { DeployRunId = 1, Resources = resources },
            CheckoutPath = root,
            Detection = new WebOps.Core.Detection.DetectionResult { Type = ProjectType.Django, WsgiModule = "mysite.wsgi", Reason = "set by the test" },
            Log = log,
        };

        var result = await run.ExecuteAsync(context, default);

        Assert.True(result.Succeeded, result.Message);
        var unit = File.ReadAllLines(Path.Combine(UnitFolder, $"webops-{name}.service"));
        Assert.Equal(
            ["StartLimitIntervalSec=1h", "StartLimitBurst=3", "Restart=on-failure", "MemoryMax=67108864", "MemorySwapMax=0", "CPUQuota=50%", "TasksMax=40"],
            unit.Where(l => l.StartsWith("StartLimit", StringComparison.Ordinal) || l.StartsWith("Restart=", StringComparison.Ordinal)
                || l.StartsWith("Memory", StringComparison.Ordinal) || l.StartsWith("CPU", StringComparison.Ordinal) || l.StartsWith("Tasks", StringComparison.Ordinal)));
        Assert.Single(log.Lines, l => l.Message == $"The limits of '{name}' (memory_limit 64 MiB, cpu_limit 0.5, pids_limit 40) are enforced by its systemd unit "
            + "(MemoryMax=67108864, MemorySwapMax=0, CPUQuota=50%, TasksMax=40).");

        // A restart from the panel renders the unit again from launch.json: the limits stay.
        var runtime = services.GetServices<IAppRuntime>().Single(r => r is ProcessAppRuntime);
        File.Delete(Path.Combine(UnitFolder, $"webops-{name}.service"));
        await runtime.RestartAsync(Snapshot(port), default);
        Assert.Contains("MemoryMax=67108864", File.ReadAllLines(Path.Combine(UnitFolder, $"webops-{name}.service")));
    }

    private ServiceProvider Services()
    {
        Directory.CreateDirectory(UnitFolder);
        var systemctl = Path.Combine(root, "systemctl");
        File.WriteAllText(systemctl, $"#!/bin/sh\necho \"$*\" >> '{CallsFile}'\n");
        File.SetUnixFileMode(systemctl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["data"] = Data,
            ["Deployments:Supervisor"] = "systemd",
            ["Systemd:SystemctlPath"] = systemctl,
            ["Systemd:UnitFolder"] = UnitFolder,
            ["Systemd:EnvFolder"] = EnvFolder,
            ["Systemd:AssumePid1"] = "true",
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(config)
            .AddProcessAddon(config)
            .BuildServiceProvider();
    }

    private DeploymentSnapshot Snapshot(int port) => new()
    {
        Id = 1,
        Name = name,
        RepoUrl = "file:///nowhere",
        Branch = "main",
        ProjectType = ProjectType.Django,
        Port = 8000,
        HostPort = port,
        UseDocker = false,
        ImageName = $"webops/{name}:latest",
        ContainerName = $"webops-{name}",
    };

    private string[] TakeCalls()
    {
        var calls = File.ReadAllLines(CallsFile);
        File.Delete(CallsFile);
        return calls;
    }
}
