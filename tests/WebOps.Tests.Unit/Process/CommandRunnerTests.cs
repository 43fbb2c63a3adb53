using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Addons.Process.Build;
using WebOps.Core.Deployments;
using WebOps.Core.Processes;
using WebOps.Tests.Unit.Addons;
using WebOps.Tests.Unit.Processes;

namespace WebOps.Tests.Unit.ProcessAddon;

/// <summary>A build step (venv, pip, manage.py) as the deployment log and the failure message show it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommandRunnerTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly ScriptFolder folder = new();
    private readonly CommandRunner commands = new(new ProcessRunner(NullLogger<ProcessRunner>.Instance));
    private readonly RecordingLog log = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_failing_step_names_the_command_the_exit_code_and_its_last_lines()
    {
        var script = folder.Script("pip.sh", "echo 'Collecting django'\necho 'No matching distribution found for djangoo' >&2\nexit 2");

        var error = await Assert.ThrowsAsync<BuildFailedException>(
            () => commands.RunAsync(script, ["install", "-r", "requirements.txt"], folder.Root, new Dictionary<string, string>(), Limit, log, default));

        Assert.StartsWith("'pip.sh install -r requirements.txt' failed with exit code 2. Last lines:\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("\nCollecting django", error.Message, StringComparison.Ordinal);
        Assert.Contains("\nNo matching distribution found for djangoo", error.Message, StringComparison.Ordinal);
        Assert.Equal("[addon:process] $ pip.sh install -r requirements.txt", log.Lines[0]);
        Assert.Contains("[addon:process] Collecting django", log.Lines);
        // stdout and stderr are read apart, so their relative order is not fixed; each keeps its level.
        Assert.Contains((DeploymentLogLevel.Info, "Collecting django"), log.Entries.Select(e => (e.Level, e.Message)));
        Assert.Contains((DeploymentLogLevel.Warning, "No matching distribution found for djangoo"), log.Entries.Select(e => (e.Level, e.Message)));
    }

    [Fact]
    public async Task A_step_past_its_time_limit_is_stopped_with_the_fix()
    {
        var script = folder.Script("migrate.sh", "sleep 300");

        var error = await Assert.ThrowsAsync<BuildFailedException>(
            () => commands.RunAsync(script, [], folder.Root, new Dictionary<string, string>(), TimeSpan.FromSeconds(1), log, default));

        Assert.Equal(
            "'migrate.sh' did not finish within 1 s and was stopped. Raise the time limit in the Process settings or make the step faster.",
            error.Message);
    }

    [Fact]
    public async Task A_step_sees_the_deployment_variables_and_a_basic_environment_only()
    {
        Environment.SetEnvironmentVariable("WEBOPS_TEST_PANEL_ONLY", "panel secret");
        try
        {
            await commands.RunAsync("/usr/bin/env", [], folder.Root, new Dictionary<string, string> { ["SECRET_KEY"] = "s3 cret" }, Limit, log, default);
        }
        finally
        {
            Environment.SetEnvironmentVariable("WEBOPS_TEST_PANEL_ONLY", null);
        }

        var printed = log.Entries.Skip(1).Select(e => e.Message).Order(StringComparer.Ordinal);
        Assert.Equal(
            [$"HOME={Environment.GetEnvironmentVariable("HOME") ?? "/"}", "LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "SECRET_KEY=s3 cret"],
            printed);
    }

    [Fact]
    public async Task A_missing_program_fails_the_step_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<BuildFailedException>(
            () => commands.RunAsync("webops-no-such-python", ["-m", "venv"], folder.Root, new Dictionary<string, string>(), Limit, log, default));

        Assert.StartsWith("Could not start 'webops-no-such-python': it was not found on PATH (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("). Check that it is installed.", error.Message, StringComparison.Ordinal);
    }
}
