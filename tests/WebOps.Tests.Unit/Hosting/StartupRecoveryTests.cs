using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        recovery.DatabaseDone();
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
        recovery.DatabaseDone();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var afterListening = new AfterListening(services, lifetime, recovery, new StartupTimings(), NullLogger<AfterListening>.Instance);

        await afterListening.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();

        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await afterListening.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Nothing_after_listening_starts_before_the_database_is_ready()
    {
        var recovery = new StartupRecovery();
        var worker = new RecordingService();
        await using var services = new ServiceCollection().AddKeyedSingleton<IHostedService>(AfterListening.Key, worker).BuildServiceProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var afterListening = new AfterListening(services, lifetime, recovery, new StartupTimings(), NullLogger<AfterListening>.Instance);

        await afterListening.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();
        await Task.Delay(200);
        Assert.False(worker.Started, "a service after listening started while the database was still being migrated");
        Assert.False(recovery.IsFinished);

        recovery.DatabaseDone();
        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(worker.Started);
        await afterListening.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_database_that_could_not_be_prepared_stops_the_panel_and_says_why()
    {
        var recovery = new StartupRecovery();
        var worker = new RecordingService();
        await using var services = new ServiceCollection().AddKeyedSingleton<IHostedService>(AfterListening.Key, worker).BuildServiceProvider();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var afterListening = new AfterListening(services, lifetime, recovery, new StartupTimings(), NullLogger<AfterListening>.Instance);
        var failure = new InvalidOperationException("SQLite Error 26: 'file is not a database'.");

        await afterListening.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();
        recovery.DatabaseDone(failure);

        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Same(failure, recovery.Failure);
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested, "the panel did not stop");
        Assert.False(worker.Started);
        await afterListening.StopAsync(CancellationToken.None);
    }

    private sealed class RecordingService : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
