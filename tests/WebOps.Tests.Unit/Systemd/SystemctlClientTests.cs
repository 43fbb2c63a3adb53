using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WebOps.Core.Processes;
using WebOps.Core.Systemd;
using WebOps.Tests.Unit.Addons;

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
        var client = new SystemctlClient(new ProcessRunner(NullLogger<ProcessRunner>.Instance), Options.Create(new SystemdOptions { SystemctlPath = Script("echo 'Unit webops-x.service not found.' >&2; exit 5") }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RunAsync(["start", "webops-x.service"], default));

        Assert.Equal(
            "systemctl start webops-x.service failed with exit code 5: Unit webops-x.service not found.. See journalctl -u for the unit.",
            error.Message);
    }

    [Fact]
    public async Task Arguments_reach_systemctl_one_by_one_and_its_output_is_returned()
    {
        var client = new SystemctlClient(new ProcessRunner(NullLogger<ProcessRunner>.Instance), Options.Create(new SystemdOptions { SystemctlPath = Script("for a in \"$@\"; do echo \"[$a]\"; done") }));

        var output = await client.RunAsync(["show", "--value", "a b;c"], default);

        Assert.Equal("[show]\n[--value]\n[a b;c]\n", output);
    }

    [Fact]
    public async Task A_systemctl_call_past_its_time_limit_is_stopped_and_named()
    {
        var client = Client(Script("sleep 300"), TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.RunAsync(["stop", "webops-x.service"], default));

        Assert.Equal("systemctl stop webops-x.service did not finish within 00:00:01. Check 'systemctl status' on the host.", error.Message);
    }

    [Fact]
    public async Task A_cancelled_systemctl_call_does_not_leave_systemctl_running()
    {
        var pidFile = Path.Combine(root, "systemctl.pid");
        var client = Client(Script($"echo $$ > '{pidFile}'\nsleep 300"), TimeSpan.FromMinutes(5));
        using var cancel = new CancellationTokenSource();

        var call = client.RunAsync(["restart", "webops-x.service"], cancel.Token);
        for (var i = 0; i < 200 && !File.Exists(pidFile); i++)
        {
            await Task.Delay(50);
        }

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        var pid = ProcessProbe.ReadPid(pidFile);
        Assert.True(await ProcessProbe.WaitGoneAsync(pid, TimeSpan.FromSeconds(5)), $"systemctl pid {pid} still runs");
    }

    [Fact]
    public async Task A_missing_systemctl_says_so()
    {
        var missing = Path.Combine(root, "no-systemctl");
        var client = Client(missing, TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RunAsync(["daemon-reload"], default));

        Assert.Equal($"Could not run {missing} for 'systemctl daemon-reload': there is no file '{missing}'. Is systemd installed?", error.Message);
    }

    [Fact]
    public void The_pid_1_answer_can_be_set_for_tests()
    {
        Assert.True(new SystemctlClient(new ProcessRunner(NullLogger<ProcessRunner>.Instance), Options.Create(new SystemdOptions { AssumePid1 = true })).IsPid1());
        Assert.False(new SystemctlClient(new ProcessRunner(NullLogger<ProcessRunner>.Instance), Options.Create(new SystemdOptions { AssumePid1 = false })).IsPid1());
    }

    private static SystemctlClient Client(string systemctl, TimeSpan timeout) =>
        new(new ProcessRunner(NullLogger<ProcessRunner>.Instance), Options.Create(new SystemdOptions { SystemctlPath = systemctl, CommandTimeout = timeout }));

    private string Script(string body)
    {
        var path = Path.Combine(root, "systemctl");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
