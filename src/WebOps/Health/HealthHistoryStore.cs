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

        await db.SaveChangesAsync(ct);
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
    public static Task<List<HealthRecord>> LatestAsync(WebOpsDbContext db, int deploymentId, int count, CancellationToken ct) =>
        db.HealthHistory.AsNoTracking()
            .Where(h => h.DeploymentId == deploymentId)
            .OrderByDescending(h => h.Id)
            .Take(count)
            .ToListAsync(ct);
}
