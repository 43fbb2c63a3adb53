using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WebOps.Core.Health;
using WebOps.Data;
using WebOps.Deploys;

namespace WebOps.Health;

/// <summary>
/// Checks a deployment as soon as it becomes running with unknown health (after a deploy or a start), so its
/// health shows at once rather than at the next sweep.
/// </summary>
public sealed class NewlyRunningWatcher(LiveEvents live, IServiceScopeFactory scopes, HealthChecker checker) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in live.SubscribeAsync(null, stoppingToken))
            {
                if (e.Kind == "status" && IsRunningWithUnknownHealth(e.Data))
                {
                    _ = Task.Run(() => CheckAsync(e.Deployment, stoppingToken), CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static bool IsRunningWithUnknownHealth(object data)
    {
        var json = JsonSerializer.SerializeToElement(data);
        return json.TryGetProperty("status", out var status) && status.GetString() == "running"
            && json.TryGetProperty("health", out var health) && health.GetString() == "unknown";
    }

    private async Task CheckAsync(string deployment, CancellationToken ct)
    {
        try
        {
            int? id;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<WebOpsDbContext>();
                id = await db.Deployments.Where(d => d.Name == deployment).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            }

            if (id is { } found)
            {
                await checker.CheckAsync(found, HealthSources.Sweep, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
