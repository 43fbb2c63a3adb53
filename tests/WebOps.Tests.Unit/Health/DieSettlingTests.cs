using WebOps.Core.Health;
using WebOps.Core.Runtime;
using WebOps.Health;

namespace WebOps.Tests.Unit.Health;

public class DieSettlingTests
{
    private static readonly ContainerEventReaction Died = new(ContainerEventAction.MarkUnhealthy, "container webops-blog stopped (exit code 0)");

    private static readonly DateTimeOffset EventTime = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static readonly RuntimeEvent Event = new("die", "c1", "webops-blog", "blog", EventTime, new Dictionary<string, string>());

    [Fact]
    public async Task A_death_stands_when_the_engine_cannot_say_whether_the_instance_runs_again()
    {
        var settled = await DieSettling.SettleAsync(new Source(() => throw new HttpRequestException("engine gone")), Event, Died, TimeSpan.Zero, CancellationToken.None);

        Assert.Same(Died, settled.Reaction);
    }

    [Fact]
    public async Task An_instance_running_again_gets_a_fresh_check_and_one_still_down_keeps_its_death()
    {
        var again = new InstanceRun(EventTime.AddSeconds(1), EventTime);
        Assert.Equal(new DieSettling.Settled(ContainerEventReaction.Recheck, again),
            await DieSettling.SettleAsync(new Source(() => again), Event, Died, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(new DieSettling.Settled(Died, null),
            await DieSettling.SettleAsync(new Source(() => null), Event, Died, TimeSpan.Zero, CancellationToken.None));
    }

    [Theory]
    [InlineData(-300, null, true)] // never exited: the kill was of a process inside
    [InlineData(-300.0, -3600.0, true)] // restarted an hour ago, for another reason
    [InlineData(1, -0.1, false)] // killed and started again after the event
    [InlineData(-0.5, -0.6, false)] // killed and started again before the engine reported the kill
    [InlineData(-300.0, -5.0, false)] // ended 5 s before the report: the report was late
    public void An_instance_ran_through_a_kill_only_when_its_main_process_did_not_end_near_it(double startedAt, double? exitedAt, bool ranThrough)
    {
        var run = new InstanceRun(EventTime.AddSeconds(startedAt), exitedAt is { } exit ? EventTime.AddSeconds(exit) : null);

        Assert.Equal(ranThrough, new DieSettling.Settled(ContainerEventReaction.Recheck, run).RanThrough(Event with { Action = "oom" }));
    }

    [Fact]
    public async Task Shutting_down_is_not_taken_for_a_death()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DieSettling.SettleAsync(new Source(() => new InstanceRun(EventTime, null)), Event, Died, TimeSpan.Zero, stopping.Token));
    }

    private sealed class Source(Func<InstanceRun?> running) : IRuntimeEventSource
    {
        public string Addon => "docker";

        public string Endpoint => "unix:///test.sock";

        public Task PingAsync(CancellationToken ct) => Task.CompletedTask;

        public IAsyncEnumerable<RuntimeEvent> WatchAsync(CancellationToken ct) => throw new NotSupportedException();

        public Task<InstanceRun?> RunningAsync(string instanceId, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(running());
        }
    }
}
