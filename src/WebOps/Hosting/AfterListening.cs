namespace WebOps.Hosting;

/// <summary>
/// Starts the hosted services that need not run before the server listens (<see cref="Defer"/>) once it does and the
/// start-up tasks' database work has finished, one after the other in their registration order, as the host would
/// have; then marks <see cref="StartupRecovery"/> finished. Before, the panel did not answer at all until the addons
/// had asked the engine, settled interrupted releases and swept every app's health. Stopping stops them in reverse
/// order, as the host does with its own.
/// </summary>
public sealed partial class AfterListening(
    IServiceProvider services, IHostApplicationLifetime lifetime, StartupRecovery recovery, StartupTimings timings, ILogger<AfterListening> logger)
    : IHostedService, IDisposable
{
    /// <summary>The key under which the deferred hosted services are registered.</summary>
    public const string Key = "after-listening";

    private readonly CancellationTokenSource stopping = new();
    private readonly List<IHostedService> started = [];
    private Task run = Task.CompletedTask;

    /// <summary>
    /// Moves every hosted service registered after <typeparamref name="TFirst"/> (which stays before listening) to run
    /// after the server listens. Call once all services are registered.
    /// </summary>
    public static void Defer<TFirst>(IServiceCollection services)
    {
        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService) && !d.IsKeyedService).ToList();
        var first = hosted.FindIndex(d => d.ImplementationType == typeof(TFirst));
        if (first < 0)
        {
            throw new InvalidOperationException($"{typeof(TFirst).Name} is not registered as a hosted service; register it before deferring the others.");
        }

        foreach (var d in hosted.Skip(first + 1))
        {
            services.Remove(d);
            services.Add(d.ImplementationType is { } type
                ? new ServiceDescriptor(typeof(IHostedService), Key, type, d.Lifetime)
                : d.ImplementationFactory is { } factory
                    ? new ServiceDescriptor(typeof(IHostedService), Key, (sp, _) => factory(sp), d.Lifetime)
                    : new ServiceDescriptor(typeof(IHostedService), Key, d.ImplementationInstance!));
        }

        services.AddSingleton<StartupRecovery>();
        services.AddHostedService<AfterListening>();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            // Recorded here, before the start line can be written: the host runs its started callbacks last
            // registered first, so one registered elsewhere, earlier, could come after it.
            timings.Listening();
            run = Task.Run(RunAsync, CancellationToken.None);
        });
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await run.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        IHostedService[] toStop;
        lock (started)
        {
            toStop = [.. started];
        }

        foreach (var service in toStop.Reverse())
        {
            try
            {
                await service.StopAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStopFailed(logger, e, service.GetType().Name);
            }
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync()
    {
        var ct = stopping.Token;
        try
        {
            // Nothing after listening may read the database before it is migrated; a failure there stops the panel below.
            await recovery.DatabaseReady.WaitAsync(ct);
            LogSummary(logger, timings.Summary());
            foreach (var service in services.GetKeyedServices<IHostedService>(Key))
            {
                ct.ThrowIfCancellationRequested();
                await service.StartAsync(ct);
                lock (started)
                {
                    started.Add(service);
                }

                if (service is BackgroundService { ExecuteTask: { } work })
                {
                    _ = ObserveAsync(service, work);
                }
            }

            timings.RecoveryFinished();
            LogSummary(logger, timings.RecoverySummary());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // stopping before start-up finished
        }
        catch (Exception e)
        {
            // The host stops when a hosted service fails to start; so does the panel when one fails after listening.
            if (StartFailure.Explain(e) is { } reason)
            {
                LogStartRefused(logger, reason);
            }
            else
            {
                LogStartFailed(logger, e);
            }

            recovery.Fail(e);
            lifetime.StopApplication();
        }
        finally
        {
            recovery.Finish();
        }
    }

    /// <summary>What the host does for its own background services (BackgroundServiceExceptionBehavior.StopHost).</summary>
    private async Task ObserveAsync(IHostedService service, Task work)
    {
        try
        {
            await work;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogServiceFailed(logger, e, service.GetType().Name);
            lifetime.StopApplication();
        }
    }

    /// <summary>The start line and the finished line (<see cref="StartupTimings"/>).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    private static partial void LogSummary(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed; the panel stops. Fix the cause named here and start it again.")]
    private static partial void LogStartFailed(ILogger logger, Exception e);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed; the panel stops. {Reason}")]
    private static partial void LogStartRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Background service {Service} failed; the panel stops.")]
    private static partial void LogServiceFailed(ILogger logger, Exception e, string service);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping {Service} failed")]
    private static partial void LogStopFailed(ILogger logger, Exception e, string service);
}
