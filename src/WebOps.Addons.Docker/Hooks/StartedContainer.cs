namespace WebOps.Addons.Docker.Hooks;

/// <summary>A container that started and answers: its id, its published ports as people read them, and its URL.</summary>
public sealed record StartedContainer(string Id, IReadOnlyList<string> PublishedPorts, string? Url)
{
    /// <summary>The new loopback port, when the container started beside the old one; null when it kept the deployment's.</summary>
    public int? HostPort { get; init; }
}
