using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

public sealed class StartupRecoveryTests
{
    [Fact]
    public async Task Recovery_finishes_only_once_the_work_the_start_up_tasks_left_running_has_finished()
    {
        var recovery = new StartupRecovery();
        var firstAdmin = new TaskCompletionSource();
        recovery.Include(firstAdmin.Task);
        await using var services = new ServiceCollection().BuildServiceProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var afterListening = new AfterListening(services, lifetime, recovery, new StartupTimings(), NullLogger<AfterListening>.Instance);

        await afterListening.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();
        await afterListening.StopAsync(CancellationToken.None); // returns once the work after listening has run
        Assert.False(recovery.IsFinished, "recovery finished while the first admin was still being created");

        firstAdmin.SetResult();
        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(recovery.IsFinished);
    }

    [Fact]
    public async Task Recovery_finishes_even_when_that_work_failed()
    {
        var recovery = new StartupRecovery();
        recovery.Include(Task.FromException(new InvalidOperationException("the first admin could not be saved")));
        await using var services = new ServiceCollection().BuildServiceProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var afterListening = new AfterListening(services, lifetime, recovery, new StartupTimings(), NullLogger<AfterListening>.Instance);

        await afterListening.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();

        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await afterListening.StopAsync(CancellationToken.None);
    }
}
