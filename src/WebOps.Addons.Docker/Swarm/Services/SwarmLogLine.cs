using Docker.DotNet.Models;

namespace WebOps.Addons.Docker.Swarm.Services;

/// <summary>
/// A service log line as the engine sends it with details (<c>com.docker.swarm.node.id=…,…,com.docker.swarm.task.id=… text</c>),
/// turned into <c>[task 2 on web-2] text</c>, so lines of several tasks can be told apart.
/// </summary>
public static class SwarmLogLine
{
    private const string TaskKey = "com.docker.swarm.task.id=";
    private const string NodeKey = "com.docker.swarm.node.id=";

    public static string Mark(string text, IReadOnlyDictionary<string, TaskResponse> tasks, IReadOnlyDictionary<string, string> hosts)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var details = space < 0 ? text : text[..space];
        if (!details.Contains(TaskKey, StringComparison.Ordinal))
        {
            return text;
        }

        var pairs = details.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0] + "=", p => p[1]);
        var taskId = pairs.GetValueOrDefault(TaskKey, "");
        var nodeId = pairs.GetValueOrDefault(NodeKey, "");
        var slot = tasks.TryGetValue(taskId, out var task) && task.Slot is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : taskId[..Math.Min(12, taskId.Length)];
        var host = hosts.GetValueOrDefault(nodeId, nodeId[..Math.Min(12, nodeId.Length)]);
        return $"[task {slot} on {host}] {(space < 0 ? "" : text[(space + 1)..])}";
    }
}
