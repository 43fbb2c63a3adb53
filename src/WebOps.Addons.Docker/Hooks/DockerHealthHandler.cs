using Docker.DotNet;
using WebOps.Addons.Docker.Engine;
using WebOps.Core.Hooks;

namespace WebOps.Addons.Docker.Hooks;

/// <summary>
/// health_check: what the engine knows about the app's container (state, restarts, Docker health).
/// A missing, stopped or Docker-unhealthy container is unhealthy. A running container is read from the sweep's one
/// container list and a kept inspect answer (<see cref="ContainerStates"/>); anything else is inspected afresh, so its
/// message carries the exit code. No resource sample: the engine takes a second per sample, too slow for every app
/// on every sweep.
/// </summary>
public sealed class DockerHealthHandler(
    DockerEngine engine, ContainerStates states, Compose.ComposeStates? compose = null, Swarm.Services.SwarmHealthCheck? swarm = null) : IHookHandler
{
    public const string HandlerName = "docker.health";

    public string Name => HandlerName;

    public async Task<HookResult> ExecuteAsync(HookContext context, CancellationToken cancellationToken)
    {
        var deployment = context.Deployment;
        if (!deployment.UseDocker)
        {
            return HookResult.Ok();
        }

        try
        {
            if (deployment.Target == Core.Deployments.DeployTarget.Swarm && swarm is not null)
            {
                // A service on the cluster, not a container here: its tasks say how it is.
                return await swarm.CheckAsync(context, cancellationToken);
            }

            if (deployment.ComposeProject is { } project && compose is not null)
            {
                return await CheckComposeAsync(context, project, compose, cancellationToken);
            }

            return await CheckAsync(context, cancellationToken);
        }
        catch (DockerUnavailableException e)
        {
            context.Metrics["state"] = "unknown";
            return HookResult.Unhealthy(e.Message);
        }
        catch (DockerApiException e)
        {
            return HookResult.Unhealthy($"Could not inspect {(deployment.Target == Core.Deployments.DeployTarget.Swarm ? $"service {deployment.ServiceName}" : $"container {deployment.ContainerName}")}: {EngineErrors.Describe(e)}");
        }
    }

    /// <summary>A Compose project is unhealthy when any service is: exited, restarting, or unhealthy by its HEALTHCHECK.</summary>
    private static async Task<HookResult> CheckComposeAsync(HookContext context, string project, Compose.ComposeStates compose, CancellationToken cancellationToken)
    {
        var services = await compose.ReadAsync(project, cancellationToken);
        context.Metrics["state"] = services.All(s => s.State == "running") && services.Count > 0 ? "running" : "degraded";
        context.Metrics["services"] = string.Join(", ", services.Select(s => $"{s.Service}: {s.Describe()}"));
        return Core.Compose.ServiceState.Unhealthy(services) is { } problem
            ? HookResult.Unhealthy($"Compose project {project}: {problem}; see the service's logs, then start or redeploy it.")
            : HookResult.Healthy($"Compose project {project}: {string.Join(", ", services.Select(s => $"{s.Service} {s.Describe()}"))}.");
    }

    private async Task<HookResult> CheckAsync(HookContext context, CancellationToken cancellationToken)
    {
        var name = context.Deployment.ContainerName;
        var listed = await states.FindAsync(name, cancellationToken);
        var inspect = listed is { State: "running" }
            ? await states.InspectAsync(listed.ID, cancellationToken)
            : await engine.InspectContainerAsync(name, cancellationToken);
        if (inspect?.State is not { } state)
        {
            context.Metrics["state"] = "missing";
            return HookResult.Unhealthy($"Container {name} does not exist; deploy it first.");
        }

        var health = state.Health?.Status is { Length: > 0 } status ? status : "none";
        context.Metrics["state"] = state.Status;
        context.Metrics["restart_count"] = inspect.RestartCount;
        context.Metrics["docker_health"] = health;
        var oom = Core.Resources.OomKill.FromState(state.OOMKilled, inspect.HostConfig?.Memory);
        if (state.Restarting)
        {
            return HookResult.Unhealthy(
                $"Container {name} keeps restarting (last exit code {state.ExitCode}{(oom is null ? "" : $", {oom}")}, {inspect.RestartCount} restarts); see its logs.");
        }

        if (!state.Running)
        {
            return HookResult.Unhealthy(
                $"Container {name} is {state.Status} (exit code {state.ExitCode}{(oom is null ? "" : $", {oom}")}); see its logs, then start or redeploy it.");
        }

        if (health == "unhealthy")
        {
            var lastCheck = state.Health?.Log?.LastOrDefault()?.Output?.Trim();
            return HookResult.Unhealthy(
                $"Container {name} is running but Docker reports it unhealthy after {state.Health?.FailingStreak} failed checks{(string.IsNullOrEmpty(lastCheck) ? "" : $": {lastCheck}")}.");
        }

        return HookResult.Healthy($"Container {name} is running (restarts: {inspect.RestartCount}, Docker health: {health}).");
    }
}
