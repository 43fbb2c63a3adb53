using Microsoft.EntityFrameworkCore;
using WebOps.Addons.Docker.Engine;
using WebOps.Data;

namespace WebOps.Health;

/// <summary>Is the panel itself usable: process up, database reachable, Docker engine reachable when an app needs it.</summary>
public static class PanelHealth
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public static async Task<(bool Ok, HealthzReport Report)> CheckAsync(WebOpsDbContext db, DockerEngine engine, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Limit);
        bool usesDocker;
        try
        {
            usesDocker = await db.Deployments.AnyAsync(d => d.UseDocker, timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, new HealthzReport("unavailable", "unreachable", "unknown"));
        }

        if (!usesDocker)
        {
            return (true, new HealthzReport("ok", "ok", "not used"));
        }

        try
        {
            await engine.PingAsync(timeout.Token);
            return (true, new HealthzReport("ok", "ok", "ok"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, new HealthzReport("unavailable", "ok", "unreachable"));
        }
    }
}
