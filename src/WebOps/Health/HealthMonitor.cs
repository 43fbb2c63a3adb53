using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace WebOps.Health;

/// <summary>
/// Every <c>Health:Interval</c>, checks every running deployment (at most <c>Health:MaxConcurrency</c> at once).
/// A sweep can also be asked for at once, e.g. when the Docker engine comes back and states must be re-read.
/// </summary>
public sealed partial class HealthMonitor(
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
        var watch = Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        int count;
        try
        {
            count = await checker.SweepAsync(options.Value.MaxConcurrency, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogSweepFailed(logger, e);
            return;
        }

        SweepCount++;
        LogSwept(logger, count, (long)watch.Elapsed.TotalMilliseconds, (long)(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health sweep checked {Count} running deployments in {Milliseconds} ms, {CpuMilliseconds} ms panel CPU")]
    private static partial void LogSwept(ILogger logger, int count, long milliseconds, long cpuMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health sweep failed (reading the deployments or saving the results); retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception e);
}
