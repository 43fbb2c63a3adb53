using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Data;

namespace WebOps.Usage;

/// <summary>
/// Every <c>Usage:Interval</c>, reads every running deployment (at most <c>Usage:MaxConcurrency</c> at once), stores
/// one row each, and when a five-minute bucket completes, stores its averages and prunes what is past keeping.
/// </summary>
public sealed partial class UsageSampler(
    IServiceScopeFactory scopes,
    UsageAppReader reader,
    UsageLatest latest,
    IOptions<UsageOptions> options,
    TimeProvider clock,
    ILogger<UsageSampler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<int, UsageReading> previous = new();
    private long lastRollupBucket = long.MinValue;

    /// <summary>Samples taken since start (one per tick, whatever the number of apps).</summary>
    public int TickCount { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            do
            {
                await SampleOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: read, store, and roll up when a bucket completed. Failures are logged; the next tick tries again.</summary>
    public async Task SampleOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
            var running = await db.Deployments.AsNoTracking().Where(d => d.Status == DeploymentStatus.Running).ToListAsync(ct);
            var watch = Stopwatch.StartNew();
            var results = new ConcurrentDictionary<int, (UsageReading? Reading, AppUsage Usage)>();
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrency), CancellationToken = ct };
            await Parallel.ForEachAsync(running, parallel, async (d, token) => results[d.Id] = await reader.ReadAsync(d, token));

            var step = (int)Math.Round(options.Value.Interval.TotalSeconds);
            foreach (var (id, (reading, usage)) in results)
            {
                if (reading is null)
                {
                    previous.TryRemove(id, out _);
                    latest.Set(id, usage);
                    continue;
                }

                var point = UsageRates.Point(previous.GetValueOrDefault(id), reading);
                previous[id] = reading;
                latest.Set(id, usage with { Latest = point });
                UsageStore.Add(db, id, step, point);
            }

            await db.SaveChangesAsync(ct);
            var ids = running.Select(d => d.Id).ToHashSet();
            latest.KeepOnly(ids);
            foreach (var gone in previous.Keys.Where(k => !ids.Contains(k)))
            {
                previous.TryRemove(gone, out _);
            }

            reader.KeepOnly(running);
            TickCount++;
            LogSampled(logger, running.Count, (long)watch.Elapsed.TotalMilliseconds);
            await RollupWhenDueAsync(db, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogSampleFailed(logger, e);
        }
    }

    private async Task RollupWhenDueAsync(WebOpsDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var bucket = UsageRollup.BucketOf(now);
        if (bucket == lastRollupBucket)
        {
            return;
        }

        var added = await UsageStore.RollupAsync(db, now, ct);
        var pruned = await UsageStore.PruneAsync(db, now, ct);
        lastRollupBucket = bucket;
        LogRolledUp(logger, added, pruned);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Usage: sampled {Count} running deployments in {Milliseconds} ms")]
    private static partial void LogSampled(ILogger logger, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Usage: stored {Added} five-minute averages, pruned {Pruned} old rows")]
    private static partial void LogRolledUp(ILogger logger, int added, int pruned);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Usage sampling failed; trying again at the next interval")]
    private static partial void LogSampleFailed(ILogger logger, Exception e);
}
