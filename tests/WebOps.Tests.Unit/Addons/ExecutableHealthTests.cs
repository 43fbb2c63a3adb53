using WebOps.Core.Deployments;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

public class ExecutableHealthTests
{
    [Fact]
    public async Task Last_json_line_becomes_metrics_prefixed_with_the_addon()
    {
        using var folder = new AddonFolder();
        folder.Addon("disk", ExecutableHookTests.Manifest("disk", "health_check", "check.sh"));
        folder.Script("disk", "check.sh", """
            echo "checking /srv"
            echo '{"status": "healthy", "free_bytes": 1048576, "used_percent": 41.5, "mount": "/srv"}'
            """);
        var host = await AddonTestHost.StartAsync(folder);
        var context = AddonTestHost.Context(HookEvent.HealthCheck, new RecordingLog());

        var outcome = await host.Runner.RunHealthChecksAsync(context, CancellationToken.None);

        Assert.Equal(HealthState.Healthy, outcome.Health);
        Assert.Equal(
            new Dictionary<string, object?>
            {
                ["disk.status"] = "healthy",
                ["disk.free_bytes"] = 1048576L,
                ["disk.used_percent"] = 41.5,
                ["disk.mount"] = "/srv",
            },
            context.Metrics);
    }

    [Fact]
    public async Task Status_unhealthy_in_the_json_line_marks_the_app_unhealthy()
    {
        using var folder = new AddonFolder();
        folder.Addon("disk", ExecutableHookTests.Manifest("disk", "health_check", "check.sh"));
        folder.Script("disk", "check.sh", "echo '{\"status\": \"unhealthy\", \"message\": \"disk 98% full\", \"used_percent\": 98}'\n");
        var host = await AddonTestHost.StartAsync(folder);
        var log = new RecordingLog();
        var context = AddonTestHost.Context(HookEvent.HealthCheck, log);

        var outcome = await host.Runner.RunHealthChecksAsync(context, CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, outcome.Health);
        Assert.Equal("Addon 'disk' reported unhealthy: disk 98% full", outcome.Message);
        Assert.Equal(98L, context.Metrics["disk.used_percent"]);
        Assert.Matches(@"^\[addon:disk\] health_check unhealthy in \d+\.\d\d s: disk 98% full$", log.Lines[^1]);
    }

    [Fact]
    public async Task Nonzero_exit_of_a_health_script_is_unhealthy_and_other_checks_still_run()
    {
        using var folder = new AddonFolder();
        folder.Addon("api", ExecutableHookTests.Manifest("api", "health_check", "check.sh"));
        folder.Script("api", "check.sh", "echo 'connection refused' >&2\nexit 7\n");
        folder.Addon("disk", ExecutableHookTests.Manifest("disk", "health_check", "check.sh"));
        folder.Script("disk", "check.sh", "echo '{\"free_bytes\": 5}'\n");
        var host = await AddonTestHost.StartAsync(folder);
        var context = AddonTestHost.Context(HookEvent.HealthCheck, new RecordingLog());

        var outcome = await host.Runner.RunHealthChecksAsync(context, CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, outcome.Health);
        Assert.Equal("Addon 'api' reported unhealthy: exited with code 7: connection refused", outcome.Message);
        Assert.Equal([HealthState.Unhealthy, HealthState.Healthy], outcome.Hooks.Select(h => h.Health));
        Assert.Equal(5L, context.Metrics["disk.free_bytes"]);
    }

    [Fact]
    public async Task Health_script_timeout_counts_as_unhealthy()
    {
        using var folder = new AddonFolder();
        folder.Addon("hang", ExecutableHookTests.Manifest("hang", "health_check", "check.sh", "timeout: 500ms\n"));
        folder.Script("hang", "check.sh", "sleep 300\n");
        var host = await AddonTestHost.StartAsync(folder);

        var outcome = await host.Runner.RunHealthChecksAsync(AddonTestHost.Context(HookEvent.HealthCheck, new RecordingLog()), CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, outcome.Health);
        Assert.Equal("Addon 'hang' reported unhealthy: timed out after 0.50 s", outcome.Message);
        Assert.Equal(HookRunStatus.TimedOut, outcome.Hooks[0].Status);
    }
}
