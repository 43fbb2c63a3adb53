using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using WebOps.Hosting;

namespace WebOps.Tests.Unit.Hosting;

public sealed class StartupRecoveryTests : IAsyncDisposable
{
    private readonly StartupRecovery recovery = new();
    private readonly RecordingService worker = new();
    private readonly ServiceProvider services;
    private readonly ApplicationLifetime lifetime = new(NullLogger<ApplicationLifetime>.Instance);
    private readonly StartupTimings timings = new();

    public StartupRecoveryTests() =>
        services = new ServiceCollection().AddKeyedSingleton<IHostedService>(AfterListening.Key, worker).BuildServiceProvider();

    public ValueTask DisposeAsync() => services.DisposeAsync();

    [Fact]
    public async Task Recovery_finishes_only_once_the_work_the_start_up_tasks_left_running_has_finished()
    {
        var firstAdmin = new TaskCompletionSource();
        recovery.Include(firstAdmin.Task);
        recovery.DatabaseDone();

        var afterListening = await StartAfterListeningAsync();
        await afterListening.StopAsync(CancellationToken.None); // returns once the work after listening has run
        Assert.False(recovery.IsFinished, "recovery finished while the first admin was still being created");

        firstAdmin.SetResult();
        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(recovery.IsFinished);
    }

    [Fact]
    public async Task Recovery_finishes_even_when_that_work_failed()
    {
        recovery.Include(Task.FromException(new InvalidOperationException("the first admin could not be saved")));
        recovery.DatabaseDone();

        var afterListening = await StartAfterListeningAsync();

        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await afterListening.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Nothing_after_listening_starts_before_the_database_is_ready()
    {
        var afterListening = await StartAfterListeningAsync();
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
        var failure = new InvalidOperationException("SQLite Error 26: 'file is not a database'.");
        var afterListening = await StartAfterListeningAsync();

        recovery.DatabaseDone(failure);

        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Same(failure, recovery.Failure);
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested, "the panel did not stop");
        Assert.False(worker.Started);
        await afterListening.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_start_line_counts_the_server_up_to_the_moment_it_listens()
    {
        // The database is ready first; the server listens 50 ms after the host is built.
        timings.HostBuilt();
        recovery.DatabaseDone();
        await Task.Delay(50);

        var afterListening = await StartAfterListeningAsync();
        await recovery.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var server = long.Parse(System.Text.RegularExpressions.Regex.Match(timings.Summary(), "server ([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(server >= 50, $"server {server} ms: the moment it listened was not recorded before the start line");
        await afterListening.StopAsync(CancellationToken.None);
    }

    /// <summary>Starts the work after listening as the host would: its start, then the server listening.</summary>
    private async Task<AfterListening> StartAfterListeningAsync()
    {
        var afterListening = new AfterListening(services, lifetime, recovery, timings, NullLogger<AfterListening>.Instance);
        await afterListening.StartAsync(CancellationToken.None);
        lifetime.NotifyStarted();
        return afterListening;
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
