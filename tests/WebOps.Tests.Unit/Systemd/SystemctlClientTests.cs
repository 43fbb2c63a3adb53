using Microsoft.Extensions.Options;
using WebOps.Core.Systemd;

namespace WebOps.Tests.Unit.Systemd;

/// <summary>systemctl is a script here (systemd is not PID 1): what it gets, and what a failure tells the user.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SystemctlClientTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("webops-systemctl-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task A_failing_systemctl_call_names_the_command_and_carries_its_error_text()
    {
        var client = new SystemctlClient(Options.Create(new SystemdOptions { SystemctlPath = Script("echo 'Unit webops-x.service not found.' >&2; exit 5") }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RunAsync(["start", "webops-x.service"], default));

        Assert.Equal(
            "systemctl start webops-x.service failed with exit code 5: Unit webops-x.service not found.. See journalctl -u for the unit.",
            error.Message);
    }

    [Fact]
    public async Task Arguments_reach_systemctl_one_by_one_and_its_output_is_returned()
    {
        var client = new SystemctlClient(Options.Create(new SystemdOptions { SystemctlPath = Script("for a in \"$@\"; do echo \"[$a]\"; done") }));

        var output = await client.RunAsync(["show", "--value", "a b;c"], default);

        Assert.Equal("[show]\n[--value]\n[a b;c]\n", output);
    }

    [Fact]
    public void The_pid_1_answer_can_be_set_for_tests()
    {
        Assert.True(new SystemctlClient(Options.Create(new SystemdOptions { AssumePid1 = true })).IsPid1());
        Assert.False(new SystemctlClient(Options.Create(new SystemdOptions { AssumePid1 = false })).IsPid1());
    }

    private string Script(string body)
    {
        var path = Path.Combine(root, "systemctl");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
