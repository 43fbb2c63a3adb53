using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// The health of a swarm deployment, for the Docker addon's health_check: its service runs as many tasks as the
/// deployment's replicas ask, or it is unhealthy, naming a task that does not run, its node and Swarm's reason
/// (<see cref="SwarmTasks.Health"/>). A task's own HEALTHCHECK counts through Swarm, which replaces unhealthy tasks.
/// </summary>
public sealed class SwarmHealthCheck(SwarmServices services)
{
    public async Task<HookResult> CheckAsync(HookContext context, CancellationToken ct)
    {
        var d = context.Deployment;
        if (await services.FindServiceAsync(d.ServiceName, ct) is null)
        {
            context.Metrics["state"] = "missing";
            return HookResult.Unhealthy($"Service {d.ServiceName} does not exist; deploy {d.Name} again.");
        }

        var rows = await services.TaskRowsAsync(d.ServiceName, ct);
        var (healthy, message) = SwarmTasks.Health(rows, d.Replicas);
        context.Metrics["state"] = healthy ? "running" : "degraded";
        context.Metrics["tasks_running"] = rows.Count(r => r.IsRunning);
        context.Metrics["replicas"] = d.Replicas;
        context.Metrics["restart_count"] = rows.Sum(r => r.Restarts);
        return healthy ? HookResult.Healthy($"Service {d.ServiceName}: {message}") : HookResult.Unhealthy($"Service {d.ServiceName}: {message}");
    }
}
