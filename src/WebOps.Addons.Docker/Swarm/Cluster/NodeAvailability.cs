namespace WebOps.Addons.Docker.Swarm.Cluster;

/// <summary>The values a node's availability takes: active runs tasks, pause takes no new ones, drain moves them away.</summary>
public static class NodeAvailability
{
    public const string Active = "active";
    public const string Pause = "pause";
    public const string Drain = "drain";

    public static IReadOnlyList<string> All { get; } = [Active, Pause, Drain];

    /// <summary>The error for a value that is not one of <see cref="All"/>, or null when it is.</summary>
    public static string? Check(string value) =>
        All.Contains(value) ? null : $"'{value}' is not an availability; use active, pause or drain.";
}
