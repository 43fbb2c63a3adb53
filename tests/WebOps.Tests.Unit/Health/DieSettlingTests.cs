using WebOps.Core.Health;
using WebOps.Core.Runtime;
using WebOps.Health;

namespace WebOps.Tests.Unit.Health;

public class DieSettlingTests
{
    private static readonly ContainerEventReaction Died = new(ContainerEventAction.MarkUnhealthy, "container webops-blog stopped (exit code 0)");

    [Fact]
    public async Task A_death_stands_when_the_engine_cannot_say_whether_the_instance_runs_again()
    {
        var settled = await DieSettling.SettleAsync(new Source(() => throw new HttpRequestException("engine gone")), "c1", Died, TimeSpan.Zero, CancellationToken.None);

        Assert.Same(Died, settled);
    }

    [Fact]
    public async Task An_instance_running_again_gets_a_fresh_check_and_one_still_down_keeps_its_death()
    {
        Assert.Same(ContainerEventReaction.Recheck, await DieSettling.SettleAsync(new Source(() => true), "c1", Died, TimeSpan.Zero, CancellationToken.None));
        Assert.Same(Died, await DieSettling.SettleAsync(new Source(() => false), "c1", Died, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Shutting_down_is_not_taken_for_a_death()
    {
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DieSettling.SettleAsync(new Source(() => true), "c1", Died, TimeSpan.Zero, stopping.Token));
    }

    private sealed class Source(Func<bool> running) : IRuntimeEventSource
    {
        public string Addon => "docker";

        public string Endpoint => "unix:///test.sock";

        public Task PingAsync(CancellationToken ct) => Task.CompletedTask;

        public IAsyncEnumerable<RuntimeEvent> WatchAsync(CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> IsRunningAsync(string instanceId, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            return Task.FromResult(running());
        }
    }
}
