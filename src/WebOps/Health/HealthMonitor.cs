using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Health;
using WebOps.Data;

namespace WebOps.Health;

/// <summary>
/// Every <c>Health:Interval</c>, checks every running deployment (at most <c>Health:MaxConcurrency</c> at once).
/// A sweep can also be asked for at once, e.g. when the Docker engine comes back and states must be re-read.
/// </summary>
public sealed partial class HealthMonitor(
    IServiceScopeFactory scopes,
    HealthChecker checker,
    IOptions<HealthOptions> options,
    ILogger<HealthMonitor> logger) : BackgroundService
{
    private readonly Channel<bool> sweepRequests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Sweeps done since start.</summary>
    public int SweepCount { get; private set; }

    /// <summary>Runs a sweep now instead of at the next interval; requests made during a sweep collapse into one.</summary>
    public void RequestSweep() => sweepRequests.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval > TimeSpan.Zero ? options.Value.Interval : TimeSpan.FromSeconds(30);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SweepAsync(stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(interval);
                try
                {
                    await sweepRequests.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval passed: time for the regular sweep.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken ct)
    {
        List<int> running;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            running = await db.Deployments.Where(d => d.Status == DeploymentStatus.Running).Select(d => d.Id).ToListAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogListFailed(logger, e);
            return;
        }

        var watch = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrency), CancellationToken = ct };
        await Parallel.ForEachAsync(running, parallel, async (id, token) => await checker.CheckAsync(id, HealthSources.Sweep, token));
        SweepCount++;
        LogSwept(logger, running.Count, (long)watch.Elapsed.TotalMilliseconds, (long)(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    /// <summary>The CPU figure is the whole process's over the sweep's time: what a sweep costs, plus anything else meanwhile.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Health sweep checked {Count} running deployments in {Milliseconds} ms, {CpuMilliseconds} ms panel CPU")]
    private static partial void LogSwept(ILogger logger, int count, long milliseconds, long cpuMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health sweep could not list running deployments; retrying at the next interval")]
    private static partial void LogListFailed(ILogger logger, Exception e);
}
