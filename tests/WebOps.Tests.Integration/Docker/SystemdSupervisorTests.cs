using WebOps.Addons.Docker.Engine;
using WebOps.Addons.Docker.Spec;
using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using RestartPolicyKind = Docker.DotNet.Models.RestartPolicyKind;

namespace WebOps.Tests.Integration.Docker;

/// <summary>
/// Docker:Supervisor=systemd on a host where systemd is PID 1. systemd cannot run here, so systemctl is a script
/// that records its arguments (the protocol boundary); the container itself is real.
/// </summary>
public sealed class SystemdSupervisorTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-systemd-").FullName;

    private string UnitFolder => Path.Combine(root, "units");

    private string CallsFile => Path.Combine(root, "calls.txt");

    public void Dispose() => Directory.Delete(root, recursive: true);

    [DockerFact]
    public async Task Deploy_installs_the_unit_and_runtime_actions_go_through_systemctl()
    {
        await using var kit = new DockerTestKit(Settings(pid1: true));
        var deployment = await DeployAsync(kit);
        var unit = UnitName(kit);
        var unitPath = Path.Combine(UnitFolder, unit);

        var spec = ContainerSpec.For(deployment, ImageReference.DeployTag(deployment.ImageName, 1), deployment.HostPort, "127.0.0.1", 1);
        var expectedExecStart = $"ExecStart=/usr/bin/docker run --rm --name webops-{kit.Name} {string.Join(' ', spec.ToSystemdUnitModel(kit.Name).RunArguments)}";
        Assert.Contains(expectedExecStart, File.ReadAllLines(unitPath));
        Assert.Contains("GREETING=hello", expectedExecStart, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(unitPath));
        Assert.Equal(["daemon-reload", $"enable --now {unit}", $"restart {unit}"], TakeCalls());
        var container = await kit.InspectAsync(deployment.ContainerName);
        Assert.Equal(RestartPolicyKind.No, container.HostConfig!.RestartPolicy!.Name);

        await kit.Runtime.StopAsync(deployment, default);
        await kit.Runtime.StartAsync(deployment, default);
        await kit.Runtime.RestartAsync(deployment, default);
        Assert.Equal([$"stop {unit}", $"start {unit}", $"restart {unit}"], TakeCalls());

        await kit.Runtime.RemoveAsync(deployment, removeImages: true, default);
        Assert.Equal([$"disable --now {unit}", "daemon-reload"], TakeCalls());
        Assert.False(File.Exists(unitPath));
        Assert.Empty(await kit.LabelledContainersAsync());
        Assert.Empty(await kit.LabelledImagesAsync());
    }

    [DockerFact]
    public async Task Without_systemd_as_pid_1_the_container_keeps_dockers_restart_policy()
    {
        await using var kit = new DockerTestKit(Settings(pid1: false));
        var deployment = await DeployAsync(kit);

        var container = await kit.InspectAsync(deployment.ContainerName);
        Assert.Equal(RestartPolicyKind.UnlessStopped, container.HostConfig!.RestartPolicy!.Name);
        Assert.False(File.Exists(Path.Combine(UnitFolder, UnitName(kit))));
        Assert.False(File.Exists(CallsFile));
    }

    private static string UnitName(DockerTestKit kit) => $"webops-{kit.Name}.service";

    private static async Task<DeploymentSnapshot> DeployAsync(DockerTestKit kit)
    {
        kit.WriteFile("Dockerfile", $"FROM {TestImages.Busybox}\nCOPY . /www/\n");
        var deployment = kit.Deployment(port: 8080, d => d.EnvVars = new Dictionary<string, string> { ["GREETING"] = "hello" });
        var result = await kit.DeployAsync(deployment, DockerfileSourceTests.Detected(ProjectType.Static));
        Assert.True(result.Succeeded, result.Log.Text);
        return result.Deployment;
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
