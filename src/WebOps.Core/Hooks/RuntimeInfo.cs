namespace WebOps.Core.Hooks;

/// <summary>Where and how the app runs after post-deployment hooks; filled by the addon that runs it.</summary>
public sealed class RuntimeInfo
{
    /// <summary>Image reference including the per-deploy tag (Docker only).</summary>
    public string? Image { get; set; }

    public string? ContainerId { get; set; }

    /// <summary>Human-readable published ports, e.g. <c>127.0.0.1:49160-&gt;80/tcp</c>.</summary>
    public List<string> PublishedPorts { get; } = [];

    /// <summary>The address where the app answers.</summary>
    public string? Url { get; set; }
}
