using Microsoft.EntityFrameworkCore;
using WebOps.Addons;
using WebOps.Core.Addons;
using WebOps.Core.Runtime;
using WebOps.Data;

namespace WebOps.Health;

/// <summary>
/// Is the panel itself usable: process up, database reachable, Docker engine reachable when an app needs it. With
/// the docker addon disabled (or not installed) the panel does not use Docker, whatever the deployments say.
/// </summary>
public static class PanelHealth
{
    /// <summary>The addon whose event source stands for the Docker engine in the report.</summary>
    public const string DockerAddon = "docker";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public static async Task<(bool Ok, HealthzReport Report)> CheckAsync(
        WebOpsDbContext db, IEnumerable<IRuntimeEventSource> sources, AddonRegistry registry, string proxy, CancellationToken ct)
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
            return (false, new HealthzReport("unavailable", "unreachable", "unknown", proxy));
        }

        var engine = sources.FirstOrDefault(s => s.Addon == DockerAddon);
        if (!usesDocker || engine is null || !registry.IsInUse(DockerAddon))
        {
            return (true, new HealthzReport("ok", "ok", "not used", proxy));
        }

        try
        {
            await engine.PingAsync(timeout.Token);
            return (true, new HealthzReport("ok", "ok", "ok", proxy));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, new HealthzReport("unavailable", "ok", "unreachable", proxy));
        }
    }
}
