using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebOps.Core.Deployments;
using WebOps.Core.Health;
using WebOps.Data;
using WebOps.Deploys;

namespace WebOps.Health;

/// <summary>
/// Records one check's readings and moves the deployment's health to the verdict. A change is published live;
/// turning unhealthy also writes a deployment log line and queues the webhook.
/// </summary>
public sealed class HealthRecorder(
    StatusNotifier notifier,
    DeploymentLogSink sink,
    WebhookSender webhook,
    IOptions<HealthOptions> options,
    TimeProvider clock)
{
    public async Task RecordAsync(WebOpsDbContext db, Deployment d, IReadOnlyList<HealthReading> readings, CancellationToken ct)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await HealthHistoryStore.AddAsync(db, d.Id, readings, now, ct);
        await HealthHistoryStore.TrimAsync(db, d.Id, options.Value.HistoryPerDeployment, ct);
        await ApplyAsync(db, d, readings, now, ct);
    }

    /// <summary>
    /// Records a sweep's readings of many deployments with one save and one trim (see
    /// <see cref="HealthHistoryStore.TrimOverfullAsync"/>), then moves each deployment's health as one check would.
    /// </summary>
    public async Task RecordSweepAsync(WebOpsDbContext db, IReadOnlyList<(Deployment Deployment, IReadOnlyList<HealthReading> Readings)> results, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var (d, readings) in results)
        {
            HealthHistoryStore.Stage(db, d.Id, readings, now);
        }

        await db.SaveChangesAsync(ct);
        await HealthHistoryStore.TrimOverfullAsync(db, options.Value.HistoryPerDeployment, ct);
        foreach (var (d, readings) in results)
        {
            if (readings.Count > 0)
            {
                await ApplyAsync(db, d, readings, now, ct);
            }
        }
    }

    private async Task ApplyAsync(WebOpsDbContext db, Deployment d, IReadOnlyList<HealthReading> readings, DateTimeOffset now, CancellationToken ct)
    {
        var (health, cause) = HealthVerdict.Combine(readings);
        var previous = d.Health;
        if (health == HealthState.Unknown || health == previous)
        {
            return;
        }

        // Only a running deployment whose health nobody changed meanwhile: a stop or a redeploy wins over a late check.
        var changed = await db.Deployments
            .Where(x => x.Id == d.Id && x.Status == DeploymentStatus.Running && x.Health == previous)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Health, health), ct);
        if (changed == 0)
        {
            return;
        }

        d.Health = health;
        notifier.Changed(d);
        var log = new RunLog(sink, d.Name, d.Id, null);
        if (health == HealthState.Unhealthy)
        {
            var why = cause ?? "no cause reported";
            log.Error("health", $"Health: unhealthy — {why}");
            webhook.Unhealthy(d.Name, why, now);
        }
        else if (previous == HealthState.Unhealthy)
        {
            log.Info("health", $"Health: healthy again — {cause ?? "all checks passed"}");
        }
    }
}
