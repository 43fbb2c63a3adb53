using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Health;
using WebOps.Data;
using WebOps.Data.Entities;

namespace WebOps.Health;

/// <summary>Writes health results to the history table and keeps at most N rows per deployment.</summary>
public static class HealthHistoryStore
{
    private const int MaxMessageLength = 2000;

    public static async Task AddAsync(WebOpsDbContext db, int deploymentId, IEnumerable<HealthReading> readings, DateTimeOffset time, CancellationToken ct)
    {
        Stage(db, deploymentId, readings, time);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds the rows to the context without saving: a sweep saves every deployment's rows at once.</summary>
    public static void Stage(WebOpsDbContext db, int deploymentId, IEnumerable<HealthReading> readings, DateTimeOffset time)
    {
        foreach (var r in readings)
        {
            db.HealthHistory.Add(new HealthRecord
            {
                DeploymentId = deploymentId,
                Time = time,
                Status = r.Status,
                Message = r.Message is { Length: > MaxMessageLength } long_ ? long_[..MaxMessageLength] : r.Message,
                MetricsJson = JsonSerializer.Serialize(r.Metrics),
                Source = r.Source,
            });
        }
    }

    /// <summary>
    /// Trims every deployment holding more than <paramref name="keep"/> plus a tenth rows, found by one grouped count:
    /// a sweep then trims a deployment once in about a tenth of <paramref name="keep"/> sweeps, not each time. The
    /// history shown is the newest rows, so the few extra ones are never in the way. Returns how many rows went.
    /// </summary>
    public static async Task<int> TrimOverfullAsync(WebOpsDbContext db, int keep, CancellationToken ct)
    {
        var slack = Math.Max(1, keep / 10);
        var overfull = await db.HealthHistory
            .GroupBy(h => h.DeploymentId)
            .Where(g => g.Count() > keep + slack)
            .Select(g => g.Key)
            .ToListAsync(ct);
        var removed = 0;
        foreach (var id in overfull)
        {
            removed += await TrimAsync(db, id, keep, ct);
        }

        return removed;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> rows of the deployment; returns how many went.</summary>
    public static async Task<int> TrimAsync(WebOpsDbContext db, int deploymentId, int keep, CancellationToken ct)
    {
        var newestDropped = await db.HealthHistory
            .Where(h => h.DeploymentId == deploymentId)
            .OrderByDescending(h => h.Id)
            .Skip(Math.Max(0, keep))
            .Select(h => (long?)h.Id)
            .FirstOrDefaultAsync(ct);
        return newestDropped is { } cutoff
            ? await db.HealthHistory.Where(h => h.DeploymentId == deploymentId && h.Id <= cutoff).ExecuteDeleteAsync(ct)
            : 0;
    }

    /// <summary>The newest <paramref name="count"/> rows, newest first.</summary>
    /// <summary>The newest unhealthy entry of the deployment, or null: the page keeps showing the last problem after newer checks.</summary>
    public static Task<HealthRecord?> LatestUnhealthyAsync(WebOpsDbContext db, int deploymentId, CancellationToken ct) =>
        db.HealthHistory.AsNoTracking()
            .Where(h => h.DeploymentId == deploymentId && h.Status == Core.Deployments.HealthState.Unhealthy)
            .OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(ct);

    public static Task<List<HealthRecord>> LatestAsync(WebOpsDbContext db, int deploymentId, int count, CancellationToken ct) =>
        db.HealthHistory.AsNoTracking()
            .Where(h => h.DeploymentId == deploymentId)
            .OrderByDescending(h => h.Id)
            .Take(count)
            .ToListAsync(ct);
}
