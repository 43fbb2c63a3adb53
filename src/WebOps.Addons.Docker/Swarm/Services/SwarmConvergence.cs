using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>Where a rollout of a service stands: still moving, done, or failed (and rolled back by Swarm).</summary>
public sealed record SwarmConvergence(bool Done, string? Failure)
{
    public static readonly SwarmConvergence Waiting = new(false, null);

    /// <summary>
    /// Judges a rollout of <paramref name="image"/> from the service's update status and its tasks. Done means the update
    /// completed (or, for a new service, there was none) and <paramref name="replicas"/> tasks of the image run.
    /// </summary>
    public static SwarmConvergence Of(string serviceName, UpdateStatus? update, IEnumerable<TaskResponse> tasks, string image, int replicas)
    {
        var state = update?.State ?? "";
        if (state is "rollback_started" or "rollback_completed" or "rollback_paused" or "paused")
        {
            var why = string.IsNullOrWhiteSpace(update!.Message) ? "" : $" ({update.Message.Trim()})";
            var rolled = state == "paused" ? "paused the update" : "rolled the update back";
            return new(false, $"The new tasks of service {serviceName} failed{why}; Swarm {rolled} and the old release keeps serving. {LastError(tasks, image)}".TrimEnd());
        }

        var running = tasks.Count(t => t.DesiredState == TaskState.Running && t.Status?.State == TaskState.Running && t.Spec?.ContainerSpec?.Image == image);
        return (update is null || state == "completed") && running >= replicas ? new(true, null) : Waiting;
    }

    /// <summary>The newest error of a task of <paramref name="image"/>, e.g. a failed health check or an exit code.</summary>
    public static string LastError(IEnumerable<TaskResponse> tasks, string image)
    {
        var failed = tasks
            .Where(t => t.Spec?.ContainerSpec?.Image == image && !string.IsNullOrWhiteSpace(t.Status?.Err))
            .OrderByDescending(t => t.Status!.Timestamp)
            .FirstOrDefault();
        return failed is null ? "" : $"Last task error: {failed.Status!.Err!.Trim()}.";
    }
}
