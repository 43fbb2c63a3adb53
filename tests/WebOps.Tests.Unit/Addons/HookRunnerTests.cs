using WebOps.Core.Deployments;
using WebOps.Core.Hooks;
using WebOps.Core.Runtime;

namespace WebOps.Tests.Unit.Addons;

public class HookRunnerTests
{
    [Fact]
    public async Task Pre_deployment_failure_stops_the_remaining_hooks_and_names_the_addon()
    {
        using var folder = new AddonFolder();
        folder.Addon("audit", Manifest("audit", "pre_deployment", "audit.ok", 10));
        folder.Addon("slack", Manifest("slack", "pre_deployment", "slack.fail", 20));
        folder.Addon("zz", Manifest("zz", "pre_deployment", "zz.never", 30));
        var journal = new List<string>();
        var host = await AddonTestHost.StartAsync(
            folder,
            TestHandler.Journaling("audit.ok", journal),
            TestHandler.Journaling("slack.fail", journal, HookResult.Fail("webhook returned 500")),
            TestHandler.Journaling("zz.never", journal));
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("Addon 'slack' failed in pre_deployment: webhook returned 500", outcome.Message);
        Assert.Equal(["audit.ok", "slack.fail"], journal);
        Assert.Equal([HookRunStatus.Succeeded, HookRunStatus.Failed, HookRunStatus.Skipped], outcome.Hooks.Select(h => h.Status));
        Assert.Contains("[addon:zz] pre_deployment skipped (not run: addon 'slack' failed first)", log.Lines);
        Assert.DoesNotContain(log.Lines, l => l.StartsWith("[addon:zz] pre_deployment started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pre_deployment_exception_and_timeout_also_stop_the_gate()
    {
        using var folder = new AddonFolder();
        folder.Addon("boom", Manifest("boom", "pre_deployment", "boom.throw", 10));
        folder.Addon("slow", Manifest("slow", "pre_deployment", "slow.hang", 20, "timeout: 200ms\n"));
        var threw = new TestHandler("boom.throw", (_, _) => throw new InvalidOperationException("config missing"));
        var host = await AddonTestHost.StartAsync(folder, threw, new TestHandler("slow.hang", Hang));

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, new RecordingLog()), CancellationToken.None);

        Assert.Equal("Addon 'boom' failed in pre_deployment: threw InvalidOperationException: config missing", outcome.Message);
        Assert.Equal(HookRunStatus.Skipped, outcome.Hooks[1].Status);
    }

    [Fact]
    public async Task Handler_ignoring_its_token_is_abandoned_at_the_timeout()
    {
        using var folder = new AddonFolder();
        folder.Addon("slow", Manifest("slow", "pre_deployment", "slow.hang", 10, "timeout: 200ms\n"));
        folder.Addon("zz", Manifest("zz", "pre_deployment", "zz.never", 20));
        var journal = new List<string>();
        var host = await AddonTestHost.StartAsync(folder, new TestHandler("slow.hang", Hang), TestHandler.Journaling("zz.never", journal));
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);

        Assert.Equal("Addon 'slow' failed in pre_deployment: timed out after 0.20 s", outcome.Message);
        Assert.Equal(HookRunStatus.TimedOut, outcome.Hooks[0].Status);
        Assert.Contains("[addon:slow] pre_deployment timed out after 0.20 s", log.Lines);
        Assert.Empty(journal);
    }

    [Fact]
    public async Task Post_deployment_after_a_failure_runs_only_always_hooks()
    {
        using var folder = new AddonFolder();
        folder.Addon("build", Manifest("build", "post_deployment", "build.fail", 10));
        folder.Addon("notify", Manifest("notify", "post_deployment", "notify.skip", 20));
        folder.Addon("report", Manifest("report", "post_deployment", "report.always", 30, "always: true\n"));
        folder.Addon("second", Manifest("second", "post_deployment", "second.fail", 40, "always: true\n"));
        var journal = new List<string>();
        var host = await AddonTestHost.StartAsync(
            folder,
            TestHandler.Journaling("build.fail", journal, HookResult.Fail("image build failed")),
            TestHandler.Journaling("notify.skip", journal),
            TestHandler.Journaling("report.always", journal),
            TestHandler.Journaling("second.fail", journal, HookResult.Fail("also broken")));
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPostDeploymentAsync(AddonTestHost.Context(HookEvent.PostDeployment, log), CancellationToken.None);

        Assert.Equal(["build.fail", "report.always", "second.fail"], journal);
        Assert.Equal("Addon 'build' failed in post_deployment: image build failed", outcome.Message);
        Assert.Equal(
            [HookRunStatus.Failed, HookRunStatus.Skipped, HookRunStatus.Succeeded, HookRunStatus.Failed],
            outcome.Hooks.Select(h => h.Status));
        Assert.Contains("[addon:notify] post_deployment skipped (not run: addon 'build' failed (set always: true to run anyway))", log.Lines);
    }

    [Fact]
    public async Task Health_checks_all_run_and_one_crash_makes_the_app_unhealthy()
    {
        using var folder = new AddonFolder();
        folder.Addon("crash", Manifest("crash", "health_check", "crash.throw", 10));
        folder.Addon("disk", Manifest("disk", "health_check", "disk.ok", 20));
        folder.Addon("mem", Manifest("mem", "health_check", "mem.ok", 30));
        var crash = new TestHandler("crash.throw", (ctx, _) =>
        {
            ctx.Metrics["partial"] = 1;
            throw new IOException("socket closed");
        });
        var host = await AddonTestHost.StartAsync(folder, crash, Metric("disk.ok", "free_bytes", 1024L), Metric("mem.ok", "free_bytes", 2048L));
        var context = AddonTestHost.Context(HookEvent.HealthCheck, new RecordingLog());

        var outcome = await host.Runner.RunHealthChecksAsync(context, CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, outcome.Health);
        Assert.Equal("Addon 'crash' reported unhealthy: threw IOException: socket closed", outcome.Message);
        Assert.Equal(
            [("crash", HealthState.Unhealthy), ("disk", HealthState.Healthy), ("mem", HealthState.Healthy)],
            outcome.Hooks.Select(h => (h.Hook.Addon, h.Health)));
        Assert.Equal(new Dictionary<string, object?> { ["disk.free_bytes"] = 1024L, ["mem.free_bytes"] = 2048L }, context.Metrics);
    }

    [Fact]
    public async Task Health_is_healthy_when_every_check_passes_and_unknown_without_checks()
    {
        using var folder = new AddonFolder();
        folder.Addon("disk", Manifest("disk", "health_check", "disk.ok", 20));
        var host = await AddonTestHost.StartAsync(folder, Metric("disk.ok", "free_bytes", 1L));

        var healthy = await host.Runner.RunHealthChecksAsync(AddonTestHost.Context(HookEvent.HealthCheck, new RecordingLog()), CancellationToken.None);
        await host.Registry.SetEnabledAsync("disk", false, CancellationToken.None);
        var none = await host.Runner.RunHealthChecksAsync(AddonTestHost.Context(HookEvent.HealthCheck, new RecordingLog()), CancellationToken.None);

        Assert.Equal((HealthState.Healthy, null), (healthy.Health, healthy.Message));
        Assert.Equal(HealthState.Unknown, none.Health);
        Assert.Empty(none.Hooks);
    }

    [Fact]
    public async Task Each_hook_writes_a_start_and_an_end_line_with_its_duration()
    {
        using var folder = new AddonFolder();
        folder.Addon("ok", Manifest("ok", "pre_deployment", "ok.pass", 10));
        folder.Addon("slack", Manifest("slack", "pre_deployment", "slack.fail", 20));
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("ok.pass", []), TestHandler.Journaling("slack.fail", [], HookResult.Fail("no token")));
        var log = new RecordingLog();

        await host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);

        Assert.Equal(4, log.Entries.Count);
        Assert.Equal(("addon:ok", DeploymentLogLevel.Info, "pre_deployment started"), (log.Entries[0].Source, log.Entries[0].Level, log.Entries[0].Message));
        Assert.Matches(@"^\[addon:ok\] pre_deployment succeeded in \d+\.\d\d s$", log.Lines[1]);
        Assert.Equal("[addon:slack] pre_deployment started", log.Lines[2]);
        Assert.Matches(@"^\[addon:slack\] pre_deployment failed in \d+\.\d\d s: no token$", log.Lines[3]);
        Assert.Equal(DeploymentLogLevel.Error, log.Entries[3].Level);
    }

    [Fact]
    public async Task What_a_handler_started_and_its_notes_reach_the_outcome_and_the_deployment_context()
    {
        using var folder = new AddonFolder();
        folder.Addon("docker", Manifest("docker", "post_deployment", "docker.build_and_run", 50));
        folder.Addon("notify", Manifest("notify", "post_deployment", "notify.send", 60));
        var started = new RunningContainer("webops/blog:deploy-3", "c0ffee") { PublishedPorts = ["127.0.0.1:49160->8000/tcp"], Url = "http://127.0.0.1:49160/" };
        var run = new TestHandler("docker.build_and_run", (ctx, _) =>
        {
            ctx.Notes.Add("image webops/blog:3f2a9c1");
            return Task.FromResult(HookResult.Started(started));
        });
        var host = await AddonTestHost.StartAsync(folder, run, TestHandler.Journaling("notify.send", []));
        var context = AddonTestHost.Context(HookEvent.PostDeployment, new RecordingLog());

        var outcome = await host.Runner.RunPostDeploymentAsync(context, CancellationToken.None);

        Assert.Same(started, outcome.App);
        Assert.Equal([started, null], outcome.Hooks.Select(h => h.App));
        Assert.Equal(["image webops/blog:3f2a9c1"], context.Notes);
    }

    [Fact]
    public async Task Hooks_that_start_nothing_leave_the_outcome_without_an_app()
    {
        using var folder = new AddonFolder();
        folder.Addon("notify", Manifest("notify", "post_deployment", "notify.send", 60));
        var host = await AddonTestHost.StartAsync(folder, TestHandler.Journaling("notify.send", []));

        var outcome = await host.Runner.RunPostDeploymentAsync(AddonTestHost.Context(HookEvent.PostDeployment, new RecordingLog()), CancellationToken.None);

        Assert.True(outcome.Succeeded);
        Assert.Null(outcome.App);
    }

    [Fact]
    public async Task Cancelling_the_deploy_cancels_the_run_instead_of_reporting_a_hook_failure()
    {
        using var folder = new AddonFolder();
        folder.Addon("slow", Manifest("slow", "pre_deployment", "slow.wait", 10));
        var wait = new TestHandler("slow.wait", async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return HookResult.Ok();
        });
        var host = await AddonTestHost.StartAsync(folder, wait);
        using var cancel = new CancellationTokenSource();
        var log = new RecordingLog();
        var run = host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Matches(@"^\[addon:slow\] pre_deployment cancelled after \d+\.\d\d s$", log.Lines[^1]);
    }

    internal static string Manifest(string name, string hookEvent, string handler, int priority, string extra = "") =>
        $"name: {name}\nversion: 1.0.0\nhooks:\n  - event: {hookEvent}\n    handler: {handler}\n    priority: {priority}\n"
        + string.Concat(extra.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => $"    {l}\n"));

    private static async Task<HookResult> Hang(HookContext context, CancellationToken token)
    {
        // Ignores the token on purpose, like a badly written handler.
        await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
        return HookResult.Ok();
    }

    private static TestHandler Metric(string name, string key, object value) => new(name, (ctx, _) =>
    {
        ctx.Metrics[key] = value;
        return Task.FromResult(HookResult.Healthy());
    });
}
