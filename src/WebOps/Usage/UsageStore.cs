using Microsoft.EntityFrameworkCore;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Usage;

/// <summary>
/// The usage table: raw rows (step = the sampling interval in seconds) and five-minute rows (step 300). Averaging
/// and pruning are <see cref="UsageRollup"/> and <see cref="UsageRetention"/>; this only reads and writes.
/// </summary>
public static class UsageStore
{
    public static void Add(WebOpsDbContext db, int deploymentId, int step, UsagePoint p) =>
        db.UsageSamples.Add(ToRow(deploymentId, step, p));

    /// <summary>Stores the five-minute averages of every complete bucket not yet stored; returns how many rows it added.</summary>
    public static async Task<int> RollupAsync(WebOpsDbContext db, long now, CancellationToken ct)
    {
        var deployments = await db.UsageSamples.Where(s => s.Step < UsageRollup.BucketSeconds)
            .Select(s => s.DeploymentId).Distinct().ToListAsync(ct);
        var added = 0;
        foreach (var id in deployments)
        {
            var last = await db.UsageSamples.Where(s => s.DeploymentId == id && s.Step == UsageRollup.BucketSeconds)
                .MaxAsync(s => (long?)s.Time, ct);
            var from = last is { } l ? l + UsageRollup.BucketSeconds : long.MinValue;
            var until = UsageRollup.BucketOf(now);
            var raw = await db.UsageSamples.AsNoTracking()
                .Where(s => s.DeploymentId == id && s.Step < UsageRollup.BucketSeconds && s.Time >= from && s.Time < until)
                .ToListAsync(ct);
            foreach (var bucket in UsageRollup.Buckets(raw.Select(ToPoint), last, now))
            {
                Add(db, id, UsageRollup.BucketSeconds, bucket);
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Deletes raw rows older than a day and five-minute rows older than thirty days; returns how many went.</summary>
    public static async Task<int> PruneAsync(WebOpsDbContext db, long now, CancellationToken ct)
    {
        var (rawBefore, rollupBefore) = UsageRetention.Cutoffs(now);
        return await db.UsageSamples.Where(s => s.Step < UsageRollup.BucketSeconds && s.Time < rawBefore).ExecuteDeleteAsync(ct)
            + await db.UsageSamples.Where(s => s.Step == UsageRollup.BucketSeconds && s.Time < rollupBefore).ExecuteDeleteAsync(ct);
    }

    /// <summary>The points of the range ending at <paramref name="now"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<UsagePoint>> ReadAsync(WebOpsDbContext db, int deploymentId, UsageRange range, long now, CancellationToken ct)
    {
        var from = now - (long)range.Span.TotalSeconds;
        var rows = db.UsageSamples.AsNoTracking().Where(s => s.DeploymentId == deploymentId && s.Time >= from);
        rows = range.Rollup
            ? rows.Where(s => s.Step == UsageRollup.BucketSeconds)
            : rows.Where(s => s.Step < UsageRollup.BucketSeconds);
        var list = await rows.OrderBy(s => s.Time).ToListAsync(ct);
        return [.. list.Select(ToPoint)];
    }

    public static UsagePoint ToPoint(UsageSample s) =>
        new(s.Time, s.CpuPercent, s.MemoryBytes, s.MemoryLimitBytes, s.NetRxRate, s.NetTxRate, s.BlockReadRate, s.BlockWriteRate);

    private static UsageSample ToRow(int deploymentId, int step, UsagePoint p) => new()
    {
        DeploymentId = deploymentId,
        Step = step,
        Time = p.Time,
        CpuPercent = p.CpuPercent,
        MemoryBytes = p.MemoryBytes,
        MemoryLimitBytes = p.MemoryLimitBytes,
        NetRxRate = p.NetRxRate,
        NetTxRate = p.NetTxRate,
        BlockReadRate = p.BlockReadRate,
        BlockWriteRate = p.BlockWriteRate,
    };
}
