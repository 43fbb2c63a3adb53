namespace WebOps.Core.Health;

/// <summary>
/// Maps engine container events to health reactions: <c>die</c>, <c>oom</c> and <c>health_status: unhealthy</c>
/// mean unhealthy now; <c>start</c>, <c>restart</c> and <c>health_status: healthy</c> call for a fresh check.
/// </summary>
public static class ContainerEventRules
{
    public static ContainerEventReaction React(string action, string container, IReadOnlyDictionary<string, string> attributes)
    {
        switch (action.Trim())
        {
            case "die":
                var code = attributes.TryGetValue("exitCode", out var exit) ? $" (exit code {exit})" : "";
                return new(ContainerEventAction.MarkUnhealthy, $"container {container} stopped{code}; see its logs, then start or redeploy it");
            case "oom":
                return new(ContainerEventAction.MarkUnhealthy, $"container {container} {Resources.OomKill.FromEvent(attributes)}; raise its memory limit or fix the leak");
            case "health_status: unhealthy":
                return new(ContainerEventAction.MarkUnhealthy, $"Docker reports container {container} unhealthy (its HEALTHCHECK failed)");
            case "start":
            case "restart":
            case "unpause":
            case "health_status: healthy":
                return ContainerEventReaction.Recheck;
            default:
                return ContainerEventReaction.Ignore;
        }
    }

    /// <summary>An <c>oom</c> event of a container that kept running: the kernel killed one of its processes (a worker,
    /// a child of the main process), not the container.</summary>
    public static ContainerEventReaction ProcessKilledForMemory(string container, IReadOnlyDictionary<string, string> attributes) =>
        new(ContainerEventAction.MarkUnhealthy,
            $"a process in container {container} {Resources.OomKill.FromEvent(attributes)}; the container kept running; raise its memory limit or fix the leak");
}
