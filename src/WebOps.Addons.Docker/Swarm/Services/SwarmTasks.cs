using System.Globalization;
using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// The tasks of a swarm deployment's service as rows (<see cref="SwarmTaskRow"/>), and what they say about its health.
/// Swarm keeps a few finished tasks per slot as history; a row is each task meant to run now (or, for a slot with none,
/// its newest task), and the finished ones count as that slot's restarts.
/// </summary>
public static class SwarmTasks
{
    /// <summary>
    /// The rows of <paramref name="tasks"/>, by slot, newest first within a slot. <paramref name="hosts"/> maps node ids
    /// to hostnames; an unknown node shows as its short id. Restarts of a row are the tasks of its slot that ended before
    /// it was created and ran the same image, so a redeploy, which replaces every task, is no restart.
    /// </summary>
    public static IReadOnlyList<SwarmTaskRow> Rows(IEnumerable<TaskResponse> tasks, IReadOnlyDictionary<string, string> hosts)
    {
        var rows = new List<SwarmTaskRow>();
        foreach (var slot in tasks.GroupBy(t => t.Slot?.ToString(CultureInfo.InvariantCulture) ?? t.NodeID ?? "").OrderBy(g => g.First().Slot ?? long.MaxValue).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var history = slot.OrderByDescending(Created).ThenByDescending(t => t.ID, StringComparer.Ordinal).ToList();
            var current = history.Where(t => State(t.DesiredState) is "running" or "ready" or "accepted").ToList();
            foreach (var task in current.Count > 0 ? current : history.Take(1))
            {
                var restarts = history.Count(t => t != task && Ended(t) && Created(t) < Created(task) && Image(t) == Image(task));
                rows.Add(Row(task, hosts, restarts));
            }
        }

        return rows;
    }

    /// <summary>
    /// Healthy when at least <paramref name="replicas"/> tasks run; else unhealthy with what is wrong with one of the
    /// others: <c>1 of 2 tasks running (task 3f2a… on web-2: task: non-zero exit (1))</c>.
    /// </summary>
    public static (bool Healthy, string Message) Health(IReadOnlyList<SwarmTaskRow> rows, int replicas)
    {
        var running = rows.Count(r => r.IsRunning);
        var summary = $"{running} of {replicas} task{(replicas == 1 ? "" : "s")} running";
        if (running >= replicas)
        {
            return (true, summary + ".");
        }

        // The task that tells most: one meant to run that does not, with an error if any has one; else a finished one.
        var culprit = rows.Where(r => !r.IsRunning).OrderByDescending(r => r.IsCurrent).ThenByDescending(r => !string.IsNullOrWhiteSpace(r.Error)).ThenByDescending(r => r.When).FirstOrDefault();
        if (culprit is null)
        {
            return (false, $"{summary}; the service has no other task to say why.");
        }

        var where = culprit.Node.Length > 0 ? $"on node {culprit.Node}" : "not placed on a node";
        var detail = culprit.Detail.Length > 0 ? culprit.Detail : culprit.State;
        return (false, $"{summary} (task {culprit.Id} {where}: {detail}).");
    }

    private static SwarmTaskRow Row(TaskResponse t, IReadOnlyDictionary<string, string> hosts, int restarts) => new(
        Id: Short(t.ID ?? ""),
        Slot: t.Slot is { } slot ? (int)slot : null,
        Node: string.IsNullOrEmpty(t.NodeID) ? "" : hosts.GetValueOrDefault(t.NodeID, Short(t.NodeID)),
        State: State(t.Status?.State),
        DesiredState: State(t.DesiredState),
        Error: string.IsNullOrWhiteSpace(t.Status?.Err) ? null : t.Status.Err.Trim(),
        Message: string.IsNullOrWhiteSpace(t.Status?.Message) ? null : t.Status.Message.Trim(),
        When: t.Status?.Timestamp is { } when ? new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)) : null,
        Restarts: restarts);

    /// <summary>Swarm's own word for a state (<c>running</c>, <c>pending</c>, <c>failed</c>…).</summary>
    private static string State(TaskState? state) => state?.ToString().ToLowerInvariant() ?? "unknown";

    private static bool Ended(TaskResponse t) =>
        t.Status?.State is TaskState.Complete or TaskState.Shutdown or TaskState.Failed or TaskState.Rejected or TaskState.Remove or TaskState.Orphaned;

    private static DateTime Created(TaskResponse t) => t.CreatedAt ?? t.Status?.Timestamp ?? DateTime.MinValue;

    private static string Image(TaskResponse t) => t.Spec?.ContainerSpec?.Image ?? "";

    private static string Short(string id) => id[..Math.Min(12, id.Length)];
}
