using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;
using RestartPolicyKind = Docker.DotNet.Models.RestartPolicyKind;

namespace WebOps.Tests.Integration.Docker;

/// <summary>
/// Docker:Supervisor=systemd on a host where systemd is PID 1. systemd cannot run here, so systemctl is a script
/// that records its arguments (the protocol boundary); the container itself is real.
/// </summary>
public sealed class SystemdSupervisorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-systemd-").FullName;

    /// <summary>Secret values, unique per test run so a hit can only come from this deploy.</summary>
    private readonly string secret = $"s3cret-{Guid.NewGuid():N}";
    private readonly string dockerSecret = $"d0cker-{Guid.NewGuid():N}";

    private string UnitFolder => Path.Combine(root, "units");

    private string EnvFolder => Path.Combine(root, "env");

    private string CallsFile => Path.Combine(root, "calls.txt");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [DockerFact]
    public async Task Deploy_installs_the_unit_and_runtime_actions_go_through_systemctl()
    {
        await using var kit = new DockerTestKit(Settings(pid1: true));
        var (deployment, _) = await DeployAsync(kit);
        var unit = UnitName(kit);
        var unitPath = Path.Combine(UnitFolder, unit);
        var envPath = Path.Combine(EnvFolder, $"{kit.Name}.env");

        var spec = ContainerSpec.For(deployment, ImageReference.DeployTag(deployment.ImageName, 1), deployment.HostPort, "127.0.0.1", 1);
        var expectedExecStart = $"ExecStart=/usr/bin/docker run --rm --name webops-{kit.Name} --env-file {envPath} "
            + string.Join(' ', spec.ToSystemdUnitModel(kit.Name, envPath).RunArguments);
        Assert.Contains(expectedExecStart, File.ReadAllLines(unitPath));
        Assert.DoesNotContain("-e", expectedExecStart.Split(' '));
        Assert.Equal(
            [$"# Environment of WebOps deployment {kit.Name}. Every deploy rewrites this file; keep it mode 0600.",
                $"API_TOKEN={dockerSecret}", $"DATABASE_PASSWORD={secret}", "GREETING=hello"],
            File.ReadAllLines(envPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envPath));
        Assert.Equal(["daemon-reload", $"enable --now {unit}", $"reset-failed {unit}", $"restart {unit}"], TakeCalls());
        var container = await kit.InspectAsync(deployment.ContainerName);
        Assert.Equal(RestartPolicyKind.No, container.HostConfig!.RestartPolicy!.Name);

        await kit.Runtime.StopAsync(deployment, default);
        await kit.Runtime.StartAsync(deployment, default);
        await kit.Runtime.RestartAsync(deployment, default);
        Assert.Equal([$"stop {unit}", $"start {unit}", $"restart {unit}"], TakeCalls());

        await kit.Runtime.RemoveAsync(deployment, new RemoveOptions(Images: true), default);
        Assert.Equal([$"disable --now {unit}", "daemon-reload"], TakeCalls());
        Assert.False(File.Exists(unitPath));
        Assert.False(File.Exists(envPath), "the env file outlived its deployment");
        Assert.Empty(await kit.LabelledContainersAsync());
        Assert.Empty(await kit.LabelledImagesAsync());
    }

    [DockerFact]
    public async Task Secret_values_are_written_only_to_the_env_file_which_is_mode_0600()
    {
        await using var kit = new DockerTestKit(Settings(pid1: true));
        var (deployment, log) = await DeployAsync(kit);
        var envPath = Path.Combine(EnvFolder, $"{kit.Name}.env");

        // Every file the deploy wrote or touched: unit, env file, the systemctl record, the checkout.
        foreach (var value in new[] { secret, dockerSecret })
        {
            var holders = new[] { root, kit.RepoPath }
                .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
                .Where(file => File.ReadAllText(file).Contains(value, StringComparison.Ordinal))
                .ToList();
            Assert.Equal([envPath], holders);
            Assert.DoesNotContain(value, log, StringComparison.Ordinal);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envPath));
        Assert.Equal([$"{kit.Name}.env"], Directory.EnumerateFileSystemEntries(EnvFolder).Select(Path.GetFileName));
        await kit.Runtime.RemoveAsync(deployment, new RemoveOptions(Images: true), default);
    }

    [DockerFact]
    public async Task A_value_with_a_line_break_fails_the_deploy_naming_the_variable_and_writes_no_unit()
    {
        await using var kit = new DockerTestKit(Settings(pid1: true));
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\n");
        var deployment = kit.Deployment(port: 8080, d => d.EnvVars = new Dictionary<string, string> { ["TLS_KEY"] = $"{secret}\nline two" });

        var result = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static));

        Assert.False(result.Succeeded, result.Log.Text);
        Assert.Contains($"The systemd unit webops-{kit.Name}.service cannot be written, so the running app was left as it is: Environment variable 'TLS_KEY' cannot be written to Docker's env file: its value holds a line break", result.Failure, StringComparison.Ordinal);
        Assert.Empty(await kit.LabelledContainersAsync());
        Assert.DoesNotContain(secret, result.Log.Text, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(UnitFolder));
        Assert.False(Directory.Exists(EnvFolder) && Directory.EnumerateFileSystemEntries(EnvFolder).Any(), "a file was written for a refused value");
    }

    [DockerFact]
    public async Task Without_systemd_as_pid_1_the_container_keeps_dockers_restart_policy()
    {
        await using var kit = new DockerTestKit(Settings(pid1: false));
        var (deployment, _) = await DeployAsync(kit);

        var container = await kit.InspectAsync(deployment.ContainerName);
        Assert.Equal(RestartPolicyKind.UnlessStopped, container.HostConfig!.RestartPolicy!.Name);
        Assert.False(File.Exists(Path.Combine(UnitFolder, UnitName(kit))));
        Assert.False(File.Exists(CallsFile));
    }

    private static string UnitName(DockerTestKit kit) => $"webops-{kit.Name}.service";

    /// <summary>Deploys a busybox app with a plain variable and two secrets; returns the deployment and the deploy log.</summary>
    private async Task<(DeploymentSnapshot Deployment, string Log)> DeployAsync(DockerTestKit kit)
    {
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\n");
        var deployment = kit.Deployment(port: 8080, d =>
        {
            d.EnvVars = new Dictionary<string, string> { ["GREETING"] = "hello", ["DATABASE_PASSWORD"] = secret };
            d.DockerEnvVars = new Dictionary<string, string> { ["API_TOKEN"] = dockerSecret };
        });
        var result = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static));
        Assert.True(result.Succeeded, result.Log.Text);
        return (result.Deployment, result.Log.Text);
    }

    private Dictionary<string, string?> Settings(bool pid1)
    {
        Directory.CreateDirectory(UnitFolder);
        var systemctl = Path.Combine(root, "systemctl");
        File.WriteAllText(systemctl, $"#!/bin/sh\necho \"$*\" >> '{CallsFile}'\n");
        File.SetUnixFileMode(systemctl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new()
        {
            ["Docker:Supervisor"] = "systemd",
            ["Systemd:SystemctlPath"] = systemctl,
            ["Systemd:UnitFolder"] = UnitFolder,
            ["Systemd:EnvFolder"] = EnvFolder,
            ["Systemd:AssumePid1"] = pid1 ? "true" : "false",
        };
    }

    private string[] TakeCalls()
    {
        var calls = File.ReadAllLines(CallsFile);
        File.Delete(CallsFile);
        return calls;
    }
}
