using Microsoft.Extensions.Time.Testing;
using WebOps.Core.Hooks;

namespace WebOps.Tests.Unit.Addons;

/// <summary>Hook durations and time limits follow the panel's registered clock, not the machine's.</summary>
public sealed class HookClockTests
{
    [Fact]
    public async Task Hook_duration_in_the_log_and_the_record_comes_from_the_registered_clock()
    {
        using var folder = new AddonFolder();
        folder.Addon("build", HookRunnerTests.Manifest("build", "post_deployment", "build.slow", 10));
        var clock = new FakeTimeProvider();
        var slow = new TestHandler("build.slow", (_, _) =>
        {
            clock.Advance(TimeSpan.FromSeconds(3.5));
            return Task.FromResult(HookResult.Ok());
        });
        var host = new AddonTestHost(folder, [slow], clock: clock);
        await host.Registry.InitializeAsync(CancellationToken.None);
        var log = new RecordingLog();

        var outcome = await host.Runner.RunPostDeploymentAsync(AddonTestHost.Context(HookEvent.PostDeployment, log), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(3.5), Assert.Single(outcome.Hooks).Duration);
        Assert.Equal(["[addon:build] post_deployment started", "[addon:build] post_deployment succeeded in 3.50 s"], log.Lines);
    }

    [Fact]
    public async Task Hook_time_limit_is_reached_when_the_registered_clock_passes_it()
    {
        using var folder = new AddonFolder();
        folder.Addon("slow", HookRunnerTests.Manifest("slow", "pre_deployment", "slow.wait", 10, "timeout: 1h\n"));
        var clock = new FakeTimeProvider();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new TestHandler("slow.wait", async (_, token) =>
        {
            waiting.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return HookResult.Ok();
        });
        var host = new AddonTestHost(folder, [slow], clock: clock);
        await host.Registry.InitializeAsync(CancellationToken.None);
        var log = new RecordingLog();

        var run = host.Runner.RunPreDeploymentAsync(AddonTestHost.Context(HookEvent.PreDeployment, log), CancellationToken.None);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromHours(1));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HookRunStatus.TimedOut, Assert.Single(outcome.Hooks).Status);
        Assert.Equal("Addon 'slow' failed in pre_deployment: timed out after 3600.00 s", outcome.Message);
        Assert.Contains("[addon:slow] pre_deployment timed out after 3600.00 s", log.Lines);
    }
}
