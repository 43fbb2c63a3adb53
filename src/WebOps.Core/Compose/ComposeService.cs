namespace WebOps.Core.Compose;

/// <summary>One service of a compose file, as far as the panel needs it: its name, the container ports it publishes
/// or exposes (in file order) and whether it is built from the checkout.</summary>
public sealed record ComposeService(string Name, IReadOnlyList<int> ContainerPorts, bool Builds)
{
    /// <summary>The fixed container name the file gives the service (<c>container_name</c>), if any.</summary>
    public string? ContainerName { get; init; }

    /// <summary>Whether the file publishes host ports for the service itself (allowed only by <c>Docker:AllowComposePorts</c>).</summary>
    public bool PublishesHostPorts { get; init; }

    /// <summary>The name with its ports, e.g. <c>web (80)</c>, or the name alone.</summary>
    public string Ports() => ContainerPorts.Count == 0 ? Name : $"{Name} ({string.Join(", ", ContainerPorts.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
}
