using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class ExecutableHookTests
{
    // The time limits below leave a loaded machine ample time to write the pid files before the kill.
    [Fact]
    public async Task Timeout_kills_the_script_and_the_child_it_started()
    {
        using var folder = new AddonFolder();
        folder.Addon("slow", Manifest("slow", "pre_deployment", "hook.sh", "timeout: 3s\n"));
        folder.Script("slow", "hook.sh", """
            echo $$ > "$WEBOPS_ADDON_DIR/hook.pid"
            sleep 300 &
            echo $! > "$WEBOPS_ADDON_DIR/child.pid"
            wait
            """);
        var host = await AddonTestHost.StartAsync(folder);
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);

        Assert.Equal("Addon 'slow' failed in pre_deployment: timed out after 3.00 s", outcome.Message);
        Assert.Contains("[addon:slow] pre_deployment timed out after 3.00 s", log.Lines);
        var hookPid = ProcessProbe.ReadPid(Path.Combine(folder.Folder("slow"), "hook.pid"));
        var childPid = ProcessProbe.ReadPid(Path.Combine(folder.Folder("slow"), "child.pid"));
        Assert.True(await ProcessProbe.WaitGoneAsync(hookPid, TimeSpan.FromSeconds(5)), $"hook pid {hookPid} still runs");
        Assert.True(await ProcessProbe.WaitGoneAsync(childPid, TimeSpan.FromSeconds(5)), $"child pid {childPid} still runs");
    }

    [Fact]
    public async Task Timeout_also_kills_an_orphan_left_in_the_hooks_process_group()
    {
        using var folder = new AddonFolder();
        folder.Addon("slow", Manifest("slow", "pre_deployment", "hook.sh", "timeout: 3s\n"));
        // The subshell exits at once, so the sleep is reparented away from the hook: only its process group still
        // ties it to the hook.
        folder.Script("slow", "hook.sh", """
            ( sleep 300 > /dev/null 2>&1 & echo $! > "$WEBOPS_ADDON_DIR/orphan.pid" )
            sleep 300
            """);
        var host = await AddonTestHost.StartAsync(folder);

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.Equal(HookRunStatus.TimedOut, outcome.Hooks[0].Status);
        var orphan = ProcessProbe.ReadPid(Path.Combine(folder.Folder("slow"), "orphan.pid"));
        Assert.True(await ProcessProbe.WaitGoneAsync(orphan, TimeSpan.FromSeconds(5)), $"orphan pid {orphan} still runs");
    }

    [Fact]
    public async Task Script_reads_its_context_from_stdin_and_its_output_reaches_the_log()
    {
        using var folder = new AddonFolder();
        folder.Addon("notify", Manifest("notify", "post_deployment", "hooks/notify.sh"));
        folder.Script("notify", "hooks/notify.sh", """
            read -r context
            repo=$(printf '%s' "$context" | sed -n 's/.*"repo_url":"\([^"]*\)".*/\1/p')
            run=$(printf '%s' "$context" | grep -o '"deploy_run_id":[0-9]*')
            echo "announcing $repo ($run) from $(pwd)"
            echo "slow webhook" >&2
            """);
        var host = await AddonTestHost.StartAsync(folder);
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPostDeploymentAsync(AddonTestHost.Context(HookEvent.PostDeployment, log), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains(($"announcing https://git.example.com/team/blog.git (\"deploy_run_id\":42) from {folder.Folder("notify")}", DeploymentLogLevel.Info),
            log.Entries.Where(e => e.Source == "addon:notify").Select(e => (e.Message, e.Level)));
        Assert.Contains(("slow webhook", DeploymentLogLevel.Warning), log.Entries.Select(e => (e.Message, e.Level)));
    }

    [Fact]
    public async Task Script_gets_the_webops_environment_and_nothing_else_from_the_panel()
    {
        using var folder = new AddonFolder();
        folder.Addon("envdump", Manifest("envdump", "pre_deployment", "env.sh"));
        folder.Script("envdump", "env.sh", "env | grep -E '^(WEBOPS_|PANEL_)' | sort\n");
        var host = await AddonTestHost.StartAsync(folder);
        var log = new RecordingLog();
        var panelSecret = $"PANEL_SECRET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(panelSecret, "hunter2");
        try
        {
            await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log, checkout: "/srv/checkouts/blog"), CancellationToken.None);
        }
        finally
        {
            Environment.SetEnvironmentVariable(panelSecret, null);
        }

        var printed = log.Entries.Where(e => e.Source == "addon:envdump").Select(e => e.Message).Skip(1).SkipLast(1);
        Assert.Equal(
            [
                $"WEBOPS_ADDON_DIR={folder.Folder("envdump")}",
                "WEBOPS_BRANCH=main",
                "WEBOPS_CHECKOUT=/srv/checkouts/blog",
                "WEBOPS_COMMIT=3f2a9c1",
                "WEBOPS_DEPLOYMENT=blog",
                "WEBOPS_EVENT=pre_deployment",
                "WEBOPS_HOST_PORT=49160",
                "WEBOPS_PORT=8000",
                "WEBOPS_REPO_URL=https://git.example.com/team/blog.git",
            ],
            printed);
    }

    [Theory]
    [InlineData(false, "{\"DEBUG\":\"***\",\"SECRET_KEY\":\"***\"}")]
    [InlineData(true, "{\"DEBUG\":\"0\",\"SECRET_KEY\":\"s3cr3t\"}")]
    public async Task Env_var_values_reach_the_script_only_when_the_manifest_asks_for_secrets(bool secrets, string expected)
    {
        using var folder = new AddonFolder();
        folder.Addon("dump", Manifest("dump", "pre_deployment", "dump.sh").Replace("hooks:", $"secrets: {(secrets ? "true" : "false")}\nhooks:", StringComparison.Ordinal));
        folder.Script("dump", "dump.sh", "grep -o '\"env_vars\":{[^}]*}'\n");
        var host = await AddonTestHost.StartAsync(folder);
        var log = new RecordingLog();

        await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);

        Assert.Contains($"[addon:dump] \"env_vars\":{expected}", log.Lines);
    }

    [Fact]
    public async Task Nonzero_exit_fails_with_the_code_and_the_last_stderr_line()
    {
        using var folder = new AddonFolder();
        folder.Addon("lint", Manifest("lint", "pre_deployment", "check.sh"));
        folder.Script("lint", "check.sh", "echo 'checking' \necho 'warming up' >&2\necho 'requirements.txt: django is not pinned' >&2\nexit 3\n");
        var host = await AddonTestHost.StartAsync(folder);
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);

        Assert.Equal("Addon 'lint' failed in pre_deployment: exited with code 3: requirements.txt: django is not pinned", outcome.Message);
        Assert.Contains("[addon:lint] checking", log.Lines);
    }

    [Fact]
    public async Task File_without_execute_permission_fails_with_the_fix()
    {
        using var folder = new AddonFolder();
        folder.Addon("lint", Manifest("lint", "pre_deployment", "hook.sh"));
        folder.File("lint", "hook.sh", "#!/bin/sh\nexit 0\n");
        var host = await AddonTestHost.StartAsync(folder);

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.Equal("Addon 'lint' failed in pre_deployment: 'hook.sh' is not executable (chmod +x it)", outcome.Message);
    }

    [Fact]
    public async Task Script_that_ignores_stdin_still_succeeds()
    {
        using var folder = new AddonFolder();
        folder.Addon("quiet", Manifest("quiet", "pre_deployment", "hook.sh"));
        folder.Script("quiet", "hook.sh", "exec 0<&-\nexit 0\n");
        var host = await AddonTestHost.StartAsync(folder);

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
    }

    [Fact]
    public async Task Background_process_holding_the_output_after_exit_is_stopped_and_the_hook_still_succeeds()
    {
        using var folder = new AddonFolder();
        folder.Addon("leak", Manifest("leak", "post_deployment", "hook.sh"));
        folder.Script("leak", "hook.sh", "sleep 300 &\necho $! > \"$WEBOPS_ADDON_DIR/bg.pid\"\necho done\n");
        var host = await AddonTestHost.StartAsync(folder);
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPostDeploymentAsync(AddonTestHost.Context(HookEvent.PostDeployment, log), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Contains("[addon:leak] processes started by the hook still held its output after it exited; they were stopped", log.Lines);
        var pid = ProcessProbe.ReadPid(Path.Combine(folder.Folder("leak"), "bg.pid"));
        Assert.True(await ProcessProbe.WaitGoneAsync(pid, TimeSpan.FromSeconds(5)), $"background pid {pid} still runs");
    }

    internal static string Manifest(string name, string hookEvent, string run, string extra = "") =>
        $"name: {name}\nversion: 1.0.0\nhooks:\n  - event: {hookEvent}\n    run: {run}\n"
        + string.Concat(extra.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"    {l}\n"));
}
